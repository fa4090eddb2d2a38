import { type CompileContext, type FieldDefinition, type Operation, applyChanges } from '@ductape/core';
import { keyColumns, resolvePrimaryKey } from './primary-key.js';

/** A table as declared by operations: its fields and the columns of its primary key. */
export interface TableState {
  readonly fields: readonly FieldDefinition[];
  readonly key: readonly string[];
  /** The clustering columns, where the table's creation is known. */
  readonly clustering?: readonly string[];
}

/**
 * The state of `table` after `op`, given the state before (undefined: unknown or absent). Pure.
 * @example foldTable(undefined, { type: 'createCollection', name: 't', fields }, 't')?.key
 */
export function foldTable(state: TableState | undefined, op: Operation, table: string): TableState | undefined {
  switch (op.type) {
    case 'createCollection':
      if (op.name !== table) return state;
      {
        const key = resolvePrimaryKey(op.name, op.fields, op.options?.cassandraOptions);
        return { fields: [...op.fields], key: keyColumns(key), clustering: key.clustering.map((c) => c.name) };
      }
    case 'dropCollection':
      return op.name === table ? undefined : state;
    case 'addField':
      return op.collection === table && state ? { ...state, fields: [...state.fields.filter((f) => f.name !== op.field.name), op.field] } : state;
    case 'dropField':
      return op.collection === table && state ? { ...state, fields: state.fields.filter((f) => f.name !== op.field) } : state;
    case 'renameField':
      if (op.collection !== table || !state) return state;
      return {
        fields: state.fields.map((f) => (f.name === op.from ? { ...f, name: op.to } : f)),
        key: state.key.map((k) => (k === op.from ? op.to : k)),
        ...(state.clustering ? { clustering: state.clustering.map((k) => (k === op.from ? op.to : k)) } : {}),
      };
    case 'modifyField':
      return op.collection === table && state ? { ...state, fields: state.fields.map((f) => (f.name === op.field ? applyChanges(f, op.changes) : f)) } : state;
    default:
      return state;
  }
}

/**
 * What the migration being compiled says about `table` before the op at `ctx.index`: the ops
 * before it in this direction (for down, after the whole `up`). Undefined when the table was
 * created elsewhere (an earlier migration). Pure.
 * @example tableBefore(ctx, 'users')?.key.includes('id')
 */
export function tableBefore(ctx: CompileContext, table: string): TableState | undefined {
  const m = ctx.migration;
  const before = ctx.direction === 'up' ? m.up.slice(0, ctx.index) : [...m.up, ...m.down.slice(0, ctx.index)];
  let state: TableState | undefined;
  for (const op of before) state = safeFold(state, op, table);
  return state;
}

function safeFold(state: TableState | undefined, op: Operation, table: string): TableState | undefined {
  try {
    return foldTable(state, op, table);
  } catch {
    return undefined; // an invalid earlier createCollection is reported when it is compiled itself
  }
}
