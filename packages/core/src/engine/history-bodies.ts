import type { HistoryEntry, HistoryRow, HistoryStore } from '../adapter/history.js';
import { NotAppliedError } from '../errors/errors.js';

/** True when `store` can list rows without bodies and read bodies by name (both optional methods). */
function splits(store: HistoryStore): store is HistoryStore & Required<Pick<HistoryStore, 'listRows' | 'read'>> {
  return typeof store.listRows === 'function' && typeof store.read === 'function';
}

/** True when `row` carries its migration (a full entry). */
export function hasBody(row: HistoryRow): row is HistoryEntry {
  return 'migration' in row;
}

/**
 * Every history row, without migration bodies where the store can leave them out (`listRows`),
 * else the full rows of `list()`. In the store's order.
 * @example inApplyOrder(await listHistoryRows(adapter.history)).map((r) => r.name)
 */
export async function listHistoryRows(store: HistoryStore): Promise<HistoryRow[]> {
  return splits(store) ? store.listRows() : store.list();
}

/**
 * `rows` with their migrations, in the same order: rows that carry theirs are kept, the others
 * are read in one call (`read`, or `list()` for a store without it). A row removed since it was
 * listed is a NotAppliedError (another runner rolled it back meanwhile).
 * @example const [entry] = await withBodies(adapter.history, [row]); entry.migration.up
 */
export async function withBodies(store: HistoryStore, rows: readonly HistoryRow[]): Promise<HistoryEntry[]> {
  const wanted = rows.filter((r) => !hasBody(r)).map((r) => r.name);
  if (wanted.length === 0) return rows as HistoryEntry[];
  const names = new Set(wanted);
  const read = splits(store) ? await store.read(wanted) : (await store.list()).filter((e) => names.has(e.name));
  const byName = new Map(read.map((e) => [e.name, e]));
  return rows.map((r) => {
    if (hasBody(r)) return r;
    const full = byName.get(r.name);
    if (!full) throw new NotAppliedError(r.name, 'no longer in the history (another run removed its row since it was listed)');
    return full;
  });
}

/**
 * `list` with their migrations (withBodies), each also put in `rows` under its name (keeping its
 * place) so a run reads each body at most once.
 * @example const [entry] = await bodiesInto(adapter.history, [rows.get(name)!], rows);
 */
export async function bodiesInto(store: HistoryStore, list: readonly HistoryRow[], rows: Map<string, HistoryRow>): Promise<HistoryEntry[]> {
  const full = await withBodies(store, list);
  for (const e of full) if (rows.has(e.name)) rows.set(e.name, e);
  return full;
}
