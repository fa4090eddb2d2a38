import type { FieldDefinition, HistoryEntry } from '@ductape/core';
import { type TableState, foldTable } from '../compile/table-state.js';

/**
 * The fields of `table` as declared by the applied migrations in history, in recorded order.
 * Cassandra stores no length, NOT NULL, default or enum values; this is where introspection
 * finds them. Undefined when no applied migration declared the table. Pure.
 * @example declaredFields('users', await adapter.history.list())?.map((f) => f.name)
 */
export function declaredFields(table: string, history: readonly HistoryEntry[]): readonly FieldDefinition[] | undefined {
  let state: TableState | undefined;
  for (const entry of history) {
    if (entry.status !== 'applied' || entry.direction !== 'up') continue;
    for (const op of entry.migration.up) {
      try {
        state = foldTable(state, op, table);
      } catch {
        state = undefined;
      }
    }
  }
  return state?.fields;
}
