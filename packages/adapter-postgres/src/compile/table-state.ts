import type { CompileContext, Operation } from '@ductape/core';

/**
 * True when the migration creates `table` in an op before this one (under this name, or under one
 * it renamed to this one), so it is new and empty:
 * online-safe tricks (CONCURRENTLY, NOT VALID) are pointless there and plain DDL is used.
 * @example createdEarlier(ctx, 'users') // true after .createCollection('users', …)
 */
export function createdEarlier(ctx: CompileContext, op: Operation, table: string): boolean {
  const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
  if (ops[ctx.index] !== op) return false; // compiled out of its list (e.g. compensation): assume it exists
  const created = new Set<string>();
  for (let i = 0; i < ctx.index; i++) {
    const earlier = ops[i];
    if (earlier?.type === 'createCollection') created.add(earlier.name);
    if (earlier?.type === 'dropCollection') created.delete(earlier.name);
    if (earlier?.type === 'renameCollection') {
      const isNew = created.delete(earlier.from);
      created.delete(earlier.to);
      if (isNew) created.add(earlier.to);
    }
  }
  return created.has(table);
}

/**
 * True when the migration drops `table` in an op after this one (e.g. the down of "create
 * table + index"): the index goes with the table, so no online care is needed.
 * @example droppedLater(ctx, op, 'users')
 */
export function droppedLater(ctx: CompileContext, op: Operation, table: string): boolean {
  const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
  if (ops[ctx.index] !== op) return false;
  let name = table;
  for (let i = ctx.index + 1; i < ops.length; i++) {
    const later = ops[i];
    if (later?.type === 'dropCollection' && later.name === name) return true;
    if (later?.type === 'renameCollection' && later.from === name) name = later.to;
  }
  return false;
}
