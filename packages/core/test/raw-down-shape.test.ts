import { describe, expect, it } from 'vitest';
import { migration, validationIssues } from '../src/index.js';
import { rawStatementOf } from '../src/ops/raw.js';

// raw(dialect, statement, { down }) takes down in the statement's own shape (issue 25); the older
// wrapped { sql } / { command } down still works.

const createTable = { command: 'CreateTable', input: { TableName: 't', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }] } };
const deleteTable = { command: 'DeleteTable', input: { TableName: 't' } };

describe('raw down in the shape of its statement', () => {
  it.each([
    ['dynamodb command', 'dynamodb', createTable, deleteTable, { command: deleteTable }],
    ['mongodb command', 'mongodb', { collMod: 'users', validationLevel: 'moderate' }, { collMod: 'users', validationLevel: 'strict' }, { command: { collMod: 'users', validationLevel: 'strict' } }],
    ['postgresql text', 'postgresql', 'CREATE EXTENSION x', 'DROP EXTENSION x', { sql: 'DROP EXTENSION x' }],
    ['cassandra text', 'cassandra', 'ALTER TABLE videos ADD x int', 'ALTER TABLE videos DROP x', { sql: 'ALTER TABLE videos DROP x' }],
    ['dynamodb PartiQL text', 'dynamodb', "UPDATE t SET a = 1 WHERE id = 'x'", "UPDATE t REMOVE a WHERE id = 'x'", { sql: "UPDATE t REMOVE a WHERE id = 'x'" }],
  ] as const)('%s: the unwrapped down is stored wrapped and becomes the down op', (_what, dialect, up, down, stored) => {
    const m = migration('raw')
      .raw(dialect, up as never, { down: down as never })
      .build();
    expect(m.up[0]).toMatchObject({ type: 'raw', dialect, down: stored });
    expect(m.down).toHaveLength(1);
    expect(m.down[0]).toMatchObject({ type: 'raw', dialect, ...stored, down: typeof up === 'string' ? { sql: up } : { command: up } });
  });

  it('the wrapped form (deprecated) builds the very same migration', () => {
    const unwrapped = migration('raw').raw('dynamodb', createTable, { down: deleteTable }).build();
    const wrapped = migration('raw')
      .raw('dynamodb', createTable, { down: { command: deleteTable } })
      .build();
    expect(wrapped).toEqual(unwrapped);
    expect(
      migration('s')
        .raw('postgresql', 'SELECT 1', { down: { sql: 'SELECT 2' } })
        .build(),
    ).toEqual(migration('s').raw('postgresql', 'SELECT 1', { down: 'SELECT 2' }).build());
  });

  it('an op written as data with an unwrapped down validates and inverts', () => {
    const m = { name: 'd', tag: '20240101_000000_d', up: [{ type: 'raw', dialect: 'dynamodb', command: createTable, down: deleteTable }], down: [] };
    expect(validationIssues(m as never)).toEqual([]);
  });

  it('reads each shape', () => {
    expect(rawStatementOf('DROP TABLE t')).toEqual({ sql: 'DROP TABLE t' });
    expect(rawStatementOf(deleteTable)).toEqual({ command: deleteTable });
    expect(rawStatementOf({ command: deleteTable })).toEqual({ command: deleteTable });
    expect(rawStatementOf({ sql: 'DROP TABLE t' })).toEqual({ sql: 'DROP TABLE t' });
    // A command with more keys than `command` is a command, even when one key is `command`.
    expect(rawStatementOf({ command: { a: 1 }, input: {} })).toEqual({ command: { command: { a: 1 }, input: {} } });
  });

  it('a down that is neither text nor a command is still refused', () => {
    const m = { name: 'd', tag: '20240101_000000_d', up: [{ type: 'raw', dialect: 'postgresql', sql: 'SELECT 1', down: { sql: '' } }], down: [] };
    expect(validationIssues(m as never).map((i) => i.code)).toEqual(['raw_without_statement']);
  });
});
