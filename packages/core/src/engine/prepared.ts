import type { Adapter } from '../adapter/adapter.js';
import { assertReversible } from '../builder/migration-builder.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { MigrationHelpers } from '../helpers/migration-helpers.js';
import type { Migration } from '../model/migration.js';
import { type CompiledPlan, compilePlan } from './compile-plan.js';
import { checksumOf } from '../helpers/checksum-cache.js';

/** A migration checked and compiled for one direction, ready to run. Built before any IO. */
export interface Prepared extends CompiledPlan {
  readonly migration: Migration;
  readonly direction: 'up' | 'down';
  readonly checksum: string;
}

/**
 * Validates, checks capabilities and compiles: every error here comes before the database is touched.
 * @example prepare(adapter, m, 'up', {}).steps.length
 */
export function prepare(adapter: Adapter, m: unknown, direction: 'up' | 'down', options: { readonly [key: string]: unknown }): Prepared {
  MigrationHelpers.assertValid(m);
  if (direction === 'down') assertReversible(m);
  const plan = compilePlan(adapter, m, direction, direction === 'up' ? m.up : m.down, options);
  return { ...plan, migration: m, direction, checksum: checksumOf(m) };
}

/**
 * Prepares a list of migrations (all of them before any IO).
 * @example prepareAll(adapter, [m1, m2], 'up', {})
 */
export function prepareAll(adapter: Adapter, ms: unknown, direction: 'up' | 'down', options: { readonly [key: string]: unknown }): Prepared[] {
  if (!Array.isArray(ms)) throw new InvalidArgumentError('migrations', 'an array of built migrations', ms);
  return ms.map((m) => prepare(adapter, m, direction, options));
}
