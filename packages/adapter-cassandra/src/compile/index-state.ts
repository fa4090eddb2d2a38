import type { CompileContext, Operation } from '@ductape/core';

/** An index as this migration's ops declare it: its name and the one column it covers. */
export interface DeclaredIndex {
  readonly name: string;
  readonly column: string;
}

/**
 * The indexes of `table` after `op`, given those before (only what the ops say). Pure.
 * @example foldIndexes([], { type: 'createIndex', collection: 't', name: 't_a', fields: [{ name: 'a' }] }, 't') // [{ name: 't_a', column: 'a' }]
 */
export function foldIndexes(indexes: readonly DeclaredIndex[], op: Operation, table: string): readonly DeclaredIndex[] {
  switch (op.type) {
    case 'createCollection':
      return op.name === table ? (op.indexes ?? []).flatMap((ix) => (ix.fields[0] ? [{ name: ix.name, column: ix.fields[0].name }] : [])) : indexes;
    case 'dropCollection':
      return op.name === table ? [] : indexes;
    case 'createIndex':
      return op.collection === table && op.fields[0] ? [...indexes.filter((ix) => ix.name !== op.name), { name: op.name, column: op.fields[0].name }] : indexes;
    case 'dropIndex':
      return indexes.filter((ix) => ix.name !== op.name); // index names are per keyspace
    case 'dropField':
      return op.collection === table ? indexes.filter((ix) => ix.column !== op.field) : indexes;
    case 'renameField':
      return op.collection === table ? indexes.map((ix) => (ix.column === op.from ? { ...ix, column: op.to } : ix)) : indexes;
    default:
      return indexes;
  }
}

/**
 * The indexes of `table` that the ops of this migration before the op at `ctx.index` made and
 * did not drop (for down: after the whole up). Indexes of earlier migrations are not known here
 * (compile is pure); preflight checks those against system_schema.indexes.
 * @example indexesBefore(ctx, 'events').find((ix) => ix.column === 'amount')
 */
export function indexesBefore(ctx: CompileContext, table: string): readonly DeclaredIndex[] {
  const m = ctx.migration;
  const before = ctx.direction === 'up' ? m.up.slice(0, ctx.index) : [...m.up, ...m.down.slice(0, ctx.index)];
  return before.reduce<readonly DeclaredIndex[]>((list, op) => foldIndexes(list, op, table), []);
}
