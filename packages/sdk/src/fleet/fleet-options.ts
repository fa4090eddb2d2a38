import { InvalidArgumentError, type Migration, MigrationHelpers } from '@ductape/core';
import type { FleetEvent, FleetUpOptions } from './fleet-types.js';
import type { FleetShard } from './shard-order.js';

/** FleetUpOptions with every default filled in. */
export interface CheckedUpOptions {
  readonly env: string;
  /** Undefined: read from the project's migrations directory before the run. */
  readonly migrations: readonly Migration[] | undefined;
  readonly concurrency: number;
  readonly canary: number;
  readonly maxFailures: number;
  readonly lockTimeoutMs: number | undefined;
  readonly shard: FleetShard | undefined;
  readonly onEvent: (event: FleetEvent) => void;
}

const EXAMPLE = "db.fleet('tenants').up({ env: 'prd', migrations: [m1, m2] })";

/**
 * Checks the options of `fleet.up()` before any IO and fills in the defaults; a wrong one is an
 * InvalidArgumentError naming it and what to pass.
 * @example checkUpOptions({ env: 'prd', migrations: [m] }, 'tenants').concurrency // 4
 */
export function checkUpOptions(value: unknown, fleet: string): CheckedUpOptions {
  const o = base(value, `the options of fleet("${fleet}").up()`);
  const concurrency = positiveInteger(o.concurrency, 'concurrency', 4);
  const canary = o.canary === undefined ? 0 : o.canary;
  if (!(typeof canary === 'number' && Number.isInteger(canary) && canary >= 0)) throw new InvalidArgumentError('canary', 'a whole number of targets ≥ 0 (0: no canary)', canary);
  const maxFailures = o.maxFailures === undefined || o.maxFailures === Number.POSITIVE_INFINITY ? Number.POSITIVE_INFINITY : positiveInteger(o.maxFailures, 'maxFailures', 1);
  const lockTimeoutMs = o.lockTimeoutMs;
  if (lockTimeoutMs !== undefined && !(typeof lockTimeoutMs === 'number' && Number.isFinite(lockTimeoutMs) && lockTimeoutMs > 0))
    throw new InvalidArgumentError('lockTimeoutMs', 'a positive number of milliseconds', lockTimeoutMs);
  if (o.onEvent !== undefined && typeof o.onEvent !== 'function') throw new InvalidArgumentError('onEvent', 'a function (event) => void', o.onEvent);
  const listener = o.onEvent as ((event: FleetEvent) => void) | undefined;
  const onEvent = (event: FleetEvent): void => {
    try {
      listener?.(event);
    } catch {
      // A listener's bug must not stop a fleet.
    }
  };
  const shard = checkShard(o.shard);
  return { env: o.env, migrations: o.migrations, concurrency, canary, maxFailures, lockTimeoutMs: lockTimeoutMs as number | undefined, shard, onEvent };
}

/**
 * Checks a `shard` option: `{ index, count }`, whole numbers, 1 ≤ index ≤ count.
 * @example checkShard({ index: 2, count: 4 }) // { index: 2, count: 4 }
 */
export function checkShard(value: unknown): FleetShard | undefined {
  if (value === undefined) return undefined;
  const s = value as Partial<FleetShard>;
  const whole = (n: unknown): n is number => typeof n === 'number' && Number.isSafeInteger(n);
  if (typeof value !== 'object' || value === null || !whole(s.count) || s.count < 1 || !whole(s.index) || s.index < 1 || s.index > s.count) {
    throw new InvalidArgumentError('shard', '{ index, count }: whole numbers with 1 ≤ index ≤ count, e.g. { index: 2, count: 4 } for the second of four machines', value);
  }
  return { index: s.index, count: s.count };
}

/** FleetStatusOptions with every default filled in (migrations undefined: read from the directory). */
export interface CheckedStatusOptions {
  readonly env: string;
  readonly migrations: readonly Migration[] | undefined;
  readonly concurrency: number;
}

/**
 * Checks the options of `fleet.status()` before any IO.
 * @example checkStatusOptions({ env: 'prd', migrations: [m] }, 'tenants')
 */
export function checkStatusOptions(value: unknown, fleet: string): CheckedStatusOptions {
  const o = base(value, `the options of fleet("${fleet}").status()`);
  return { env: o.env, migrations: o.migrations, concurrency: positiveInteger(o.concurrency, 'concurrency', 4) };
}

function base(value: unknown, what: string): Record<string, unknown> & { env: string; migrations: readonly Migration[] | undefined } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InvalidArgumentError(what, `an object, e.g. ${EXAMPLE}`, value);
  const o = value as Partial<FleetUpOptions> & Record<string, unknown>;
  if (typeof o.env !== 'string' || o.env === '') throw new InvalidArgumentError('env', "the fleet's environment in the config as a non-empty string, e.g. 'prd'", o.env);
  if (o.migrations === undefined) return o as Record<string, unknown> & { env: string; migrations: undefined };
  if (!Array.isArray(o.migrations)) {
    throw new InvalidArgumentError('migrations', "an array of built migrations (migration(…).build()), or nothing: the project's migrations directory is read then", o.migrations);
  }
  const names = new Set<string>();
  for (const m of o.migrations) {
    MigrationHelpers.assertValid(m);
    if (names.has(m.name)) throw new InvalidArgumentError('migrations', 'migrations with distinct names', `two named "${m.name}"`);
    names.add(m.name);
  }
  return o as Record<string, unknown> & { env: string; migrations: readonly Migration[] };
}

function positiveInteger(value: unknown, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 1) return value;
  throw new InvalidArgumentError(name, 'a whole number ≥ 1', value);
}
