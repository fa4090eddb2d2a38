import { describe, expect, it } from 'vitest';
import { type CompileContext, type Migration, createdEarlier, droppedLater, migration } from '../src/index.js';

const at = (m: Migration, direction: 'up' | 'down', index: number): CompileContext => ({ migration: m, direction, index, options: {} });
const opAt = (m: Migration, direction: 'up' | 'down', index: number) => {
  const op = (direction === 'up' ? m.up : m.down)[index];
  if (!op) throw new Error(`no op ${direction}[${index}]`);
  return op;
};

describe('createdEarlier', () => {
  const m = migration('m').createCollection('users', { id: 'uuid' }).createIndex('users', 'users_id', ['id']).createIndex('orders', 'orders_id', ['id']).build();

  it('is true for a table an earlier op created, false for one that existed before', () => {
    expect(createdEarlier(at(m, 'up', 1), opAt(m, 'up', 1), 'users')).toBe(true);
    expect(createdEarlier(at(m, 'up', 2), opAt(m, 'up', 2), 'orders')).toBe(false);
  });

  it('is false for the creating op itself and for an op compiled out of its list', () => {
    expect(createdEarlier(at(m, 'up', 0), opAt(m, 'up', 0), 'users')).toBe(false);
    expect(createdEarlier(at(m, 'up', 1), opAt(m, 'up', 2), 'users')).toBe(false);
  });

  it('follows a rename of the new table and forgets a dropped one', () => {
    const renamed = migration('m').createCollection('a', { id: 'uuid' }).renameCollection('a', 'b').createIndex('b', 'b_id', ['id']).build();
    expect(createdEarlier(at(renamed, 'up', 2), opAt(renamed, 'up', 2), 'b')).toBe(true);
    expect(createdEarlier(at(renamed, 'up', 2), opAt(renamed, 'up', 2), 'a')).toBe(false);
    const dropped = migration('m').createCollection('a', { id: 'uuid' }).dropCollection('a').createIndex('a', 'a_id', ['id']).build();
    expect(createdEarlier(at(dropped, 'up', 2), opAt(dropped, 'up', 2), 'a')).toBe(false);
  });
});

describe('droppedLater', () => {
  it('is true in the down of "create table + index" for the index, false in the up', () => {
    const m = migration('m').createCollection('users', { id: 'uuid' }).createIndex('users', 'users_id', ['id']).build();
    expect(droppedLater(at(m, 'down', 0), opAt(m, 'down', 0), 'users')).toBe(true);
    expect(droppedLater(at(m, 'up', 1), opAt(m, 'up', 1), 'users')).toBe(false);
  });

  it('follows a later rename to the drop, and is false for an op compiled out of its list', () => {
    const m = migration('m').createIndex('a', 'a_id', ['id']).renameCollection('a', 'b').dropCollection('b').build();
    expect(droppedLater(at(m, 'up', 0), opAt(m, 'up', 0), 'a')).toBe(true);
    expect(droppedLater(at(m, 'up', 0), opAt(m, 'up', 1), 'a')).toBe(false);
  });
});
