import { type CassandraOptionChanges, type CassandraOptions, ValidationError } from '@ductape/core';
import { quoteIdent, quoteLiteral } from '../quote.js';
import type { PrimaryKey } from './primary-key.js';

/**
 * The WITH clause of CREATE TABLE: clustering order, default TTL, compaction, compression,
 * gc_grace_seconds and comment, in that fixed order (compile is deterministic).
 * @example tableOptions({ defaultTTL: 86400 }, key) // ' WITH default_time_to_live = 86400'
 */
export function tableOptions(options: CassandraOptions, key: PrimaryKey): string {
  const parts: string[] = [];
  if (key.clustering.some((c) => c.order === 'DESC') || (options.clusteringOrder ?? []).length > 0) {
    parts.push(`CLUSTERING ORDER BY (${key.clustering.map((c) => `${quoteIdent(c.name)} ${c.order}`).join(', ')})`);
  }
  parts.push(...settingClauses(options));
  return parts.length === 0 ? '' : ` WITH ${parts.join(' AND ')}`;
}

/** What Cassandra 5 gives a table that does not say: what `null` in alterCollectionOptions sets back. */
export const CASSANDRA_DEFAULTS = {
  defaultTTL: 0,
  gcGraceSeconds: 864_000,
  comment: '',
  compaction: { class: 'SizeTieredCompactionStrategy' },
  compression: { chunk_length_in_kb: '16', class: 'LZ4Compressor' },
} as const;

/**
 * The `option = value` clauses of default TTL, compaction, compression, gc_grace_seconds and
 * comment, in that fixed order; `null` (alterCollectionOptions' "back to the default") is
 * Cassandra's default (`CASSANDRA_DEFAULTS`).
 * @example settingClauses({ defaultTTL: null, comment: 'x' }) // ['default_time_to_live = 0', "comment = 'x'"]
 */
export function settingClauses(options: CassandraOptions | CassandraOptionChanges): string[] {
  const parts: string[] = [];
  const or = <K extends keyof typeof CASSANDRA_DEFAULTS>(k: K): unknown => (options[k] === null ? CASSANDRA_DEFAULTS[k] : options[k]);
  if (options.defaultTTL !== undefined) parts.push(`default_time_to_live = ${count(or('defaultTTL'), 'defaultTTL')}`);
  if (options.compaction !== undefined) parts.push(`compaction = ${optionMap(or('compaction') as Record<string, unknown>, 'compaction', true)}`);
  if (options.compression !== undefined) parts.push(`compression = ${optionMap(or('compression') as Record<string, unknown>, 'compression', false)}`);
  if (options.gcGraceSeconds !== undefined) parts.push(`gc_grace_seconds = ${count(or('gcGraceSeconds'), 'gcGraceSeconds')}`);
  if (options.comment !== undefined) parts.push(`comment = ${quoteLiteral(text(or('comment'), 'comment'))}`);
  return parts;
}

function optionMap(map: { readonly [key: string]: unknown }, what: string, needsClass: boolean): string {
  if (typeof map !== 'object' || map === null || Array.isArray(map)) invalid(what, 'must be an object of option → value');
  if (needsClass && typeof map.class !== 'string') invalid(what, 'needs a "class", e.g. "LeveledCompactionStrategy"');
  const entries = Object.keys(map)
    .sort((a, b) => (a === 'class' ? -1 : b === 'class' ? 1 : a < b ? -1 : a > b ? 1 : 0))
    .map((k) => {
      const v = map[k];
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') invalid(`${what}.${k}`, 'must be a string, number or boolean');
      return `${quoteLiteral(k)}: ${quoteLiteral(String(v))}`;
    });
  return `{${entries.join(', ')}}`;
}

function count(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) invalid(what, 'must be a whole number of seconds, 0 or more');
  return value;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string') invalid(what, 'must be a string');
  return value;
}

function invalid(what: string, message: string): never {
  throw new ValidationError('Cassandra table options', [{ code: 'invalid_cassandra_option', path: `options.cassandraOptions.${what}`, message: `${what} ${message}` }]);
}
