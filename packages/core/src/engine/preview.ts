import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry } from '../adapter/history.js';
import type { Step } from '../adapter/step.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import { MigrationHelpers } from '../helpers/migration-helpers.js';
import type { Migration } from '../model/migration.js';
import { precheckAll, precheckUp, prepare, resolveUp } from './prepared.js';
import { SchemaState } from './schema-state.js';
import { compilePlan } from './compile-plan.js';
import { missingPrevious, needsResolution } from './resolve.js';
import type { Operation } from '../model/operation.js';

/** What plan and preview answer for one migration. */
export interface PlannedSteps<D extends 'up' | 'down' = 'up' | 'down'> {
  readonly name: string;
  readonly tag: string;
  readonly direction: D;
  readonly steps: readonly Step[];
  /**
   * Set when the steps cannot be known before the run: the migration reads the live schema
   * (an op without previous, a drop) and an earlier pending migration has a raw step, whose effect
   * on any table cannot be read beforehand. `steps` is then empty; `up` resolves it after the raw
   * step ran. Only what does not depend on the schema was checked (validation, capabilities,
   * compile of its ops that carry their definitions).
   */
  readonly deferred?: string;
}

/** What plan says of a migration whose steps depend on an earlier raw step. */
export const DEFERRED_AFTER_RAW = 'depends on a raw step; checked at apply time';

type Options = { readonly [key: string]: unknown };

/**
 * The up steps of `m` resolved against the live schema (read only), or the down recorded when
 * `m` was applied (its own when it is not). Backs `engine.preview`.
 * @example await previewOne(adapter, {}, m, 'down', () => adapter.history.list())
 */
export async function previewOne(adapter: Adapter, options: Options, m: Migration, direction: 'up' | 'down', history: () => Promise<HistoryEntry[]>): Promise<PlannedSteps> {
  MigrationHelpers.assertValid(m);
  if (direction === 'up') {
    const p = await resolveUp(adapter, precheckUp(adapter, m, options), options);
    return { name: m.name, tag: m.tag, direction, steps: p.steps };
  }
  const entry = (await history()).find((e) => e.name === m.name);
  const sum = checksumOf(m);
  const recorded = entry && (entry.checksum === sum || checksumOf(entry.migration) === sum) ? entry.migration : m;
  return { name: m.name, tag: m.tag, direction, steps: prepare(adapter, recorded, 'down', options).steps };
}

/**
 * The up steps of several pending migrations in order, each resolved (read only) against the
 * schema the earlier ones leave. Backs `engine.previewAll`.
 * @example await previewList(adapter, {}, [m1, m2])
 */
export async function previewList(adapter: Adapter, options: Options, ms: readonly Migration[]): Promise<PlannedSteps<'up'>[]> {
  const list = precheckAll(adapter, ms, options);
  const state = new SchemaState(adapter);
  const out: PlannedSteps<'up'>[] = [];
  for (const pending of list) {
    if (state.blind && needsResolution(pending.migration)) {
      // The raw step of an earlier migration may have changed any table: nothing read now tells
      // what this one will find. What does not depend on the schema is still checked.
      const m = pending.migration;
      compilePlan(adapter, m, 'up', m.up.filter(compilesAlone), options);
      for (const op of m.up) state.apply(op);
      out.push({ name: m.name, tag: m.tag, direction: 'up', steps: [], deferred: DEFERRED_AFTER_RAW });
      continue;
    }
    const p = await resolveUp(adapter, pending, options, state);
    out.push({ name: pending.migration.name, tag: pending.migration.tag, direction: 'up', steps: p.steps });
  }
  return out;
}

/** An op that compiles without the live schema (it carries what it replaces). */
function compilesAlone(op: Operation): boolean {
  return missingPrevious(op) === undefined && !(op.type === 'createCollection' && op.options?.sqlOptions?.ifNotExists === true && !op.existed);
}
