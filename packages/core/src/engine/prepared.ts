import type { Adapter } from '../adapter/adapter.js';
import { assertReversible } from '../ops/assert-reversible.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { MigrationHelpers } from '../helpers/migration-helpers.js';
import type { Migration } from '../model/migration.js';
import type { CollectionSnapshot } from '../model/operation.js';
import { type CompiledPlan, compilePlan } from './compile-plan.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import { assertCapabilities } from './required-capability.js';
import { needsResolution, resolveMigration } from './resolve.js';
import { SchemaState, touchedBefore } from './schema-state.js';

/** A migration checked and compiled for one direction, ready to run. Built before any IO. */
export interface Prepared extends CompiledPlan {
  readonly migration: Migration;
  readonly direction: 'up' | 'down';
  readonly checksum: string;
  /** The adapter's preflight of these steps ran already, on the read that resolved them (readLive). */
  readonly preflighted?: boolean;
}

/**
 * Validates, checks capabilities and compiles: every error here comes before the database is touched.
 * @example prepare(adapter, m, 'up', {}).steps.length
 */
export function prepare(adapter: Adapter, m: unknown, direction: 'up' | 'down', options: { readonly [key: string]: unknown }, recordedChecksum?: string): Prepared {
  MigrationHelpers.assertValid(m);
  if (direction === 'down') assertReversible(m);
  const plan = compilePlan(adapter, m, direction, direction === 'up' ? m.up : m.down, options);
  return { ...plan, migration: m, direction, checksum: recordedChecksum ?? checksumOf(m) };
}

/** A migration checked before any IO: compiled already, or (when it needs the live schema) after resolution under the lock. */
export interface Pending {
  readonly migration: Migration;
  /** The checksum of the migration as written (what history records and compares). */
  readonly checksum: string;
  readonly prepared?: Prepared;
}

/**
 * Validation and capability checks before any IO; compiles now unless the migration needs the
 * live schema (see resolveMigration).
 * @example const pending = precheckUp(adapter, m, {}); // throws before IO when m is invalid
 */
export function precheckUp(adapter: Adapter, m: unknown, options: { readonly [key: string]: unknown }): Pending {
  MigrationHelpers.assertValid(m);
  if (!needsResolution(m)) {
    const prepared = prepare(adapter, m, 'up', options);
    return { migration: m, checksum: prepared.checksum, prepared };
  }
  assertCapabilities(adapter, m.up, m.name);
  return { migration: m, checksum: checksumOf(m) };
}

/**
 * Checks a list before any IO (all of them first).
 * @example precheckAll(adapter, [m1, m2], {})
 */
export function precheckAll(adapter: Adapter, ms: unknown, options: { readonly [key: string]: unknown }): Pending[] {
  if (!Array.isArray(ms)) throw new InvalidArgumentError('migrations', 'an array of built migrations', ms);
  return ms.map((m) => precheckUp(adapter, m, options));
}

/** How resolveUp reads the live schema for a migration that needs no resolution (only its new-name checks). */
export interface ResolveUpHow {
  /** The caller runs the adapter's preflight next: with readLive it runs here, on the same read (`preflighted`). */
  readonly preflight?: boolean;
  /** Live collections read ahead for several migrations at once (readAhead); the checks read nothing else. */
  readonly read?: ReadonlyMap<string, CollectionSnapshot | undefined>;
}

/**
 * The prepared `up` of a pending migration: resolved against the live schema (read only) and
 * compiled, keeping the checksum of the migration as written.
 * @example const p = await resolveUp(adapter, pending, {});
 */
export async function resolveUp(adapter: Adapter, pending: Pending, options: { readonly [key: string]: unknown }, state?: SchemaState, how: ResolveUpHow = {}): Promise<Prepared> {
  if (pending.prepared && !state) {
    // Nothing to resolve; a field it adds, or a collection it creates, is still checked to be new before any change.
    const checked = hasNewNameChecks(pending.migration);
    if (how.preflight && adapter.readLive && !how.read) {
      // One read for both: the collections the checks look at, and what the adapter's preflight needs.
      const live = await adapter.readLive(checked ? touchedBefore(pending.migration.up) : [], { steps: pending.prepared.steps, direction: 'up' });
      if (checked) await resolveMigration(adapter, pending.migration, new SchemaState(adapter, live.collections));
      await live.preflight?.();
      return { ...pending.prepared, preflighted: true };
    }
    if (checked) await resolveMigration(adapter, pending.migration, new SchemaState(adapter, how.read));
    return pending.prepared;
  }
  const resolved = await resolveMigration(adapter, pending.migration, state);
  return prepare(adapter, resolved, 'up', options, pending.checksum);
}

/**
 * The live collections that the new-name checks of several migrations needing no resolution look
 * at, in one readLive (undefined without it, or when one needs resolution: those read as they go).
 * Read before any change, as each check would read them.
 * @example const read = await readAhead(adapter, todo); for (const p of todo) await resolveUp(adapter, p, {}, undefined, { read });
 */
export async function readAhead(adapter: Adapter, pending: readonly Pending[]): Promise<ReadonlyMap<string, CollectionSnapshot | undefined> | undefined> {
  if (!adapter.readLive || pending.some((p) => !p.prepared)) return undefined;
  const names = new Set(pending.filter((p) => hasNewNameChecks(p.migration)).flatMap((p) => touchedBefore(p.migration.up)));
  if (names.size === 0) return undefined;
  return (await adapter.readLive([...names])).collections;
}

/** A field it adds, or a collection it creates, is checked against the live schema even when nothing needs resolving. */
function hasNewNameChecks(m: Migration): boolean {
  return m.up.some((op) => op.type === 'addField' || op.type === 'createCollection');
}

/**
 * Prepares a list of migrations (all of them before any IO).
 * @example prepareAll(adapter, [m1, m2], 'up', {})
 */
export function prepareAll(adapter: Adapter, ms: unknown, direction: 'up' | 'down', options: { readonly [key: string]: unknown }): Prepared[] {
  if (!Array.isArray(ms)) throw new InvalidArgumentError('migrations', 'an array of built migrations', ms);
  return ms.map((m) => prepare(adapter, m, direction, options));
}
