import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry } from '../adapter/history.js';
import type { Step } from '../adapter/step.js';
import { checksumOf } from '../helpers/checksum-cache.js';
import { MigrationHelpers } from '../helpers/migration-helpers.js';
import type { Migration } from '../model/migration.js';
import { precheckAll, precheckUp, prepare, resolveUp } from './prepared.js';
import { SchemaState } from './schema-state.js';

/** What plan and preview answer for one migration. */
export interface PlannedSteps<D extends 'up' | 'down' = 'up' | 'down'> {
  readonly name: string;
  readonly tag: string;
  readonly direction: D;
  readonly steps: readonly Step[];
}

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
    const p = await resolveUp(adapter, pending, options, state);
    out.push({ name: pending.migration.name, tag: pending.migration.tag, direction: 'up', steps: p.steps });
  }
  return out;
}
