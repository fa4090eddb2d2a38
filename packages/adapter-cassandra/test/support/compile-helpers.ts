import { migration, type Migration, type Operation } from '@ductape/core';
import { compileCassandra } from '../../src/index.js';

/** A built migration of `ops` (validated by core), for compile tests. */
export function built(...ops: Operation[]): Migration {
  let b = migration('golden');
  for (const op of ops) b = b.operation(op);
  return b.at(new Date('2024-01-15T14:30:52Z')).build();
}

/**
 * The CQL texts (or noop reasons) of op `index` of `m` in `direction`, in keyspace "app".
 * @example cql(built(op)) // ['CREATE TABLE …']
 */
export function cql(m: Migration, index = 0, direction: 'up' | 'down' = 'up'): string[] {
  const op = (direction === 'up' ? m.up : m.down)[index] as Operation;
  return compileCassandra(op, { migration: m, direction, index, options: {} }, { keyspace: 'app' }).map((s) => (s.kind === 'statement' ? s.text : `-- ${s.kind}`));
}

/** The error compile throws for op `index` of the ops (built without core validation). */
export function refusal(ops: Operation[], index = ops.length - 1): unknown {
  const m = { name: 'golden', tag: '20240115_143052_golden', up: ops, down: [] } as Migration;
  try {
    compileCassandra(ops[index] as Operation, { migration: m, direction: 'up', index, options: {} }, { keyspace: 'app' });
  } catch (error) {
    return error;
  }
  return undefined;
}
