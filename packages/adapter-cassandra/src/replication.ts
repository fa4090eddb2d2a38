import { InvalidArgumentError } from '@ductape/core';
import { quoteLiteral } from './quote.js';

/** Keyspace replication: a replication factor (SimpleStrategy) or factors per datacenter (NetworkTopologyStrategy). */
export type Replication = { readonly class: 'SimpleStrategy'; readonly replication_factor: number } | { readonly class: 'NetworkTopologyStrategy'; readonly [datacenter: string]: number | string };

/** Single-node development default. */
export const DEFAULT_REPLICATION: Replication = { class: 'SimpleStrategy', replication_factor: 1 };

/**
 * The replication map of CREATE KEYSPACE as a CQL literal (DDL takes no parameters).
 * @example replicationMap({ class: 'NetworkTopologyStrategy', dc1: 3 }) // "{'class': 'NetworkTopologyStrategy', 'dc1': '3'}"
 */
export function replicationMap(replication: Replication): string {
  if (typeof replication !== 'object' || replication === null)
    throw new InvalidArgumentError('replication', "{ class: 'SimpleStrategy', replication_factor: 1 } or { class: 'NetworkTopologyStrategy', <dc>: <n> }", replication);
  const { class: cls, ...rest } = replication as { class: unknown; [key: string]: unknown };
  if (cls !== 'SimpleStrategy' && cls !== 'NetworkTopologyStrategy') throw new InvalidArgumentError('replication.class', '"SimpleStrategy" or "NetworkTopologyStrategy"', cls);
  const entries = Object.keys(rest)
    .sort()
    .map((key) => {
      const n = Number(rest[key]);
      if (!/^[A-Za-z0-9_.-]+$/.test(key) || !Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`replication.${key}`, 'a whole number of replicas', rest[key]);
      return `${quoteLiteral(key)}: ${quoteLiteral(String(n))}`;
    });
  if (entries.length === 0) throw new InvalidArgumentError('replication', 'at least one replication factor', replication);
  return `{${[`'class': ${quoteLiteral(cls)}`, ...entries].join(', ')}}`;
}
