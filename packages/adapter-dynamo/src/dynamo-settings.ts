import { InvalidArgumentError } from '@ductape/core';
import type { DynamoFeatures } from './dynamo-probe.js';

/** What the adapter reports while it waits or backfills (for logs and progress bars). */
export type DynamoEvent =
  | { readonly type: 'wait'; readonly table: string; readonly index?: string; readonly until: 'ACTIVE' | 'DELETED'; readonly status: string; readonly elapsedMs: number }
  /** A TTL or encryption change DynamoDB applies asynchronously (AWS: TTL may take up to an hour). */
  | { readonly type: 'wait'; readonly table: string; readonly setting: 'ttl' | 'sse'; readonly until: string; readonly status: string; readonly elapsedMs: number }
  | { readonly type: 'batch'; readonly table: string; readonly scanned: number; readonly updated: number; readonly elapsedMs: number }
  /** DynamoDB refused a table command for its limit on concurrent operations; it is tried again after a pause. */
  | { readonly type: 'limit'; readonly table: string; readonly command: string; readonly attempt: number; readonly elapsedMs: number };

/** Adapter options (the config file's `options`, or the constructor's second argument). */
export interface DynamoAdapterOptions {
  /** Prepended to every collection's table name, e.g. 'myapp_dev_'. Default ''. */
  readonly tablePrefix?: string;
  /** History and lock table (prefix applied). Default '_ductape_migrations'. */
  readonly historyTable?: string;
  /** DescribeTable poll interval while waiting for ACTIVE or deletion. Default 500 ms. */
  readonly pollIntervalMs?: number;
  /** Longest wait for one table or index to become ACTIVE or go away, and for DynamoDB to accept a
   * table command it refused with LimitExceededException (too many operations at once). Default 15 minutes. */
  readonly waitTimeoutMs?: number;
  /** Items per Scan page of a backfill, rename or attribute removal. Default 100. */
  readonly batchSize?: number;
  /** Upper bound on item writes per second of those batch steps. Default 100. */
  readonly maxWritesPerSecond?: number;
  /** Called on each poll of a wait and after each batch. */
  readonly onEvent?: (event: DynamoEvent) => void;
  /** Find out at connect whether the endpoint is DynamoDB Local (DescribeEndpoints). Default true. */
  readonly probe?: boolean;
  /** Features to assume instead of (or, with probe, before) the probe's answer. */
  readonly features?: Partial<DynamoFeatures>;
}

export type DynamoSettings = Required<Omit<DynamoAdapterOptions, 'onEvent' | 'probe' | 'features'>> & Pick<DynamoAdapterOptions, 'onEvent'>;

/**
 * Options with their defaults, checked.
 * @example resolveSettings({ pollIntervalMs: 100 }).waitTimeoutMs // 900000
 */
export function resolveSettings(options: DynamoAdapterOptions | { readonly [key: string]: unknown } = {}): DynamoSettings {
  const o = options as DynamoAdapterOptions;
  const s: DynamoSettings = {
    tablePrefix: o.tablePrefix ?? '',
    historyTable: o.historyTable ?? '_ductape_migrations',
    pollIntervalMs: o.pollIntervalMs ?? 500,
    waitTimeoutMs: o.waitTimeoutMs ?? 15 * 60_000,
    batchSize: o.batchSize ?? 100,
    maxWritesPerSecond: o.maxWritesPerSecond ?? 100,
    ...(o.onEvent ? { onEvent: o.onEvent } : {}),
  };
  if (typeof s.tablePrefix !== 'string') throw new InvalidArgumentError('options.tablePrefix', 'a string', s.tablePrefix);
  if (typeof s.historyTable !== 'string' || s.historyTable === '') throw new InvalidArgumentError('options.historyTable', 'a table name', s.historyTable);
  for (const key of ['pollIntervalMs', 'waitTimeoutMs', 'batchSize', 'maxWritesPerSecond'] as const) {
    const v = s[key];
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) throw new InvalidArgumentError(`options.${key}`, 'a positive number', v);
  }
  if (s.onEvent !== undefined && typeof s.onEvent !== 'function') throw new InvalidArgumentError('options.onEvent', 'a function', s.onEvent);
  return s;
}
