import type { Adapter } from '../adapter/adapter.js';
import type { HistoryRow } from '../adapter/history.js';
import { type Pending, type Prepared, readAhead, resolveUp } from './prepared.js';
import { SchemaState } from './schema-state.js';

type Options = { readonly [key: string]: unknown };

/**
 * The list prepared for one transaction (`upAll` with `singleTransaction`), or undefined when it
 * cannot be one: it needs transactional DDL, no failed row, no step outside a transaction, and
 * every migration's live schema readable before the first runs (carried from one to the next).
 * @example const batch = await prepareBatch(adapter, {}, precheckAll(adapter, ms, {}), rows);
 */
export async function prepareBatch(adapter: Adapter, options: Options, list: readonly Pending[], rows: ReadonlyMap<string, HistoryRow>): Promise<Prepared[] | undefined> {
  if (!adapter.capabilities.transactionalDdl) return undefined;
  const todo = list.filter((p) => !rows.has(p.migration.name));
  if (
    list.some((p) => {
      const e = rows.get(p.migration.name);
      return e && !(e.status === 'applied' && e.direction === 'up');
    })
  )
    return undefined;
  let state: SchemaState | undefined;
  if (todo.some((p) => !p.prepared)) state = new SchemaState(adapter);
  const read = state ? undefined : await readAhead(adapter, todo); // one catalog read for the whole batch
  const prepared: Prepared[] = [];
  for (const p of list) {
    if (!rows.has(p.migration.name)) {
      try {
        prepared.push(await resolveUp(adapter, p, options, state, { read }));
      } catch (error) {
        if (state?.blind) return undefined; // after a raw op: one migration at a time, each resolved when it runs
        throw error;
      }
    } else prepared.push(p.prepared ?? { migration: p.migration, direction: 'up', checksum: p.checksum, steps: [], opOfStep: [] });
  }
  return prepared.every((p) => p.steps.every((s) => !s.outsideTransaction)) ? prepared : undefined;
}
