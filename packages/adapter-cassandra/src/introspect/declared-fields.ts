import type { FieldDefinition, HistoryEntry, Operation } from '@ductape/core';
import { type TableState, foldTable } from '../compile/table-state.js';

/**
 * The fields of `table` as declared by the applied migrations in history, in recorded order.
 * Cassandra stores no length, NOT NULL, default or enum values; this is where introspection
 * finds them. A column history did not create (made by a raw statement, or outside Ductape) is
 * declared by a modifyField that carries its `previous` definition (core resolves it by
 * introspection before the change), so its new default or length is read back too. Undefined
 * when no applied migration declared the table or one of its columns. Pure.
 * @example declaredFields('users', await adapter.history.list())?.map((f) => f.name)
 */
export function declaredFields(table: string, history: readonly HistoryEntry[]): readonly FieldDefinition[] | undefined {
  let state: TableState | undefined;
  for (const entry of history) {
    if (entry.status !== 'applied' || entry.direction !== 'up') continue;
    for (const op of entry.migration.up) {
      try {
        state = foldTable(adoptModified(state, op, table), op, table);
      } catch {
        state = undefined;
      }
    }
  }
  return state?.fields;
}

/** `state` with the column a modifyField changes added from the op's `previous`, when history never declared it. */
function adoptModified(state: TableState | undefined, op: Operation, table: string): TableState | undefined {
  if (op.type !== 'modifyField' || op.collection !== table || !op.previous) return state;
  if (state?.fields.some((f) => f.name === op.field)) return state;
  return { fields: [...(state?.fields ?? []), { ...op.previous, name: op.field }], key: state?.key ?? [] };
}
