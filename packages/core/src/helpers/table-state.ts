import type { CompileContext } from '../adapter/adapter.js';
import type { Operation } from '../model/operation.js';

/**
 * True when the migration being compiled creates `table` in an op before `op` (under this name,
 * or under one it renamed to this one), so the table is new and empty: a compiler uses plain DDL
 * there, as online-safe forms (CONCURRENTLY, NOT VALID, ALGORITHM=INPLACE) are pointless. False
 * when `op` is compiled out of its list (e.g. for compensation): the table is assumed to exist.
 * @example
 * const m = migration('m').createCollection('users', { id: 'uuid' }).createIndex('users', 'users_id', ['id']).build();
 * createdEarlier({ migration: m, direction: 'up', index: 1, options: {} }, m.up[1], 'users'); // true
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
 * True when the migration being compiled drops `table` (under this name, or under a name it is
 * later renamed to) in an op after `op`, e.g. the down of "create table + index": the change goes
 * with the table, so a compiler needs no online care. False when `op` is compiled out of its list.
 * @example
 * const m = migration('m').createCollection('users', { id: 'uuid' }).createIndex('users', 'users_id', ['id']).build();
 * droppedLater({ migration: m, direction: 'down', index: 0, options: {} }, m.down[0], 'users'); // true
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
