import type { Adapter } from '@ductape/core';
import { InvalidArgumentError } from '@ductape/core';
import type { FleetTarget } from './fleet-target.js';
import { type FleetContext, failureOf, withFleetTarget } from './migrate-target.js';
import { runPool } from './run-pool.js';

/** Options of `fleet.inspect()`. */
export interface FleetInspectOptions {
  /** The environment of the fleet in the config (e.g. 'prd'). */
  readonly env: string;
  /** Most targets connected at once (default 4). */
  readonly concurrency?: number;
  /** Check only this many targets, chosen at random (a different sample each run); default: every target. */
  readonly sample?: number;
}

/** One target's answer to a `fleet.inspect()` check, or why it could not be checked (no secrets). */
export type FleetInspectRow<T> = { readonly target: string; readonly value: T } | { readonly target: string; readonly error: { readonly code: string; readonly message: string } };

/** The result of `fleet.inspect()`: one row per checked target, in fleet order. */
export interface FleetInspection<T> {
  readonly fleet: string;
  readonly env: string;
  /** Targets in the fleet. */
  readonly targets: number;
  /** True when `sample` left some targets unchecked. */
  readonly sampled: boolean;
  readonly rows: readonly FleetInspectRow<T>[];
}

/** The checked options of inspect. */
export interface CheckedInspectOptions {
  readonly env: string;
  readonly concurrency: number;
  readonly sample: number | undefined;
}

/**
 * Checks the options and the check function of `fleet.inspect()` before any IO.
 * @example checkInspectOptions({ env: 'prd', sample: 10 }, () => Promise.resolve(1), 'tenants')
 */
export function checkInspectOptions(value: unknown, check: unknown, fleet: string): CheckedInspectOptions {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new InvalidArgumentError(`the options of fleet("${fleet}").inspect()`, "an object, e.g. { env: 'prd', sample: 20 }", value);
  const o = value as Partial<FleetInspectOptions>;
  if (typeof o.env !== 'string' || o.env === '') throw new InvalidArgumentError('env', "the fleet's environment in the config as a non-empty string, e.g. 'prd'", o.env);
  const whole = (n: unknown, name: string, what: string): number | undefined => {
    if (n === undefined) return undefined;
    if (typeof n === 'number' && Number.isSafeInteger(n) && n >= 1) return n;
    throw new InvalidArgumentError(name, what, n);
  };
  if (typeof check !== 'function') throw new InvalidArgumentError('check', 'a function (adapter, target) => Promise<value>, run once per target', check);
  return { env: o.env, concurrency: whole(o.concurrency, 'concurrency', 'a whole number ≥ 1') ?? 4, sample: whole(o.sample, 'sample', 'a whole number of targets ≥ 1 to check at random') };
}

/**
 * Runs `check` with each target's connected adapter (its history table made if missing, no lock),
 * at most `concurrency` at once; a target that cannot be connected or whose check throws gets an
 * `error` row and the others go on. With `sample`, only that many targets, chosen at random.
 * @example const rows = await inspectTargets(targets, { env: 'prd', concurrency: 4, sample: undefined }, ctx, (a) => a.introspect('users'));
 */
export async function inspectTargets<T>(
  targets: readonly FleetTarget[],
  o: CheckedInspectOptions,
  ctx: FleetContext,
  check: (adapter: Adapter, target: { readonly name: string }) => Promise<T>,
): Promise<{ rows: FleetInspectRow<T>[]; sampled: boolean }> {
  const chosen = o.sample !== undefined && o.sample < targets.length ? randomSample(targets, o.sample) : targets;
  const rows = new Map<string, FleetInspectRow<T>>();
  await runPool(
    chosen,
    o.concurrency,
    async (t) => {
      try {
        rows.set(t.name, { target: t.name, value: await withFleetTarget(t, ctx, (adapter) => check(adapter, { name: t.name })) });
      } catch (error) {
        rows.set(t.name, { target: t.name, error: failureOf(error, t) });
      }
    },
    () => false,
  );
  return { rows: chosen.map((t) => rows.get(t.name) as FleetInspectRow<T>), sampled: chosen.length < targets.length };
}

/** `n` of `items` at random, kept in their order. */
function randomSample<T>(items: readonly T[], n: number): T[] {
  const index = items.map((_, i) => i);
  for (let i = index.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [index[i], index[j]] = [index[j] as number, index[i] as number];
  }
  const keep = new Set(index.slice(0, n));
  return items.filter((_, i) => keep.has(i));
}
