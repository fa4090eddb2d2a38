import { MigrationEngine, UnsupportedOperationError, migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { DynamoAdapter } from '../../src/dynamo-adapter.js';
import { compileOp, compileUp, inputOf } from '../support/compile.js';
import { fieldAt } from '../../src/compile/compile-create-index.js';

describe('createIndex / dropIndex / dropCollection (golden)', () => {
  it('createIndex → one UpdateTable per GSI, each waiting until ACTIVE, key types from the migration', () => {
    const m = migration('create_users_with_indexes')
      .createCollection('users', [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'email', type: 'string', length: 255 },
        { name: 'age', type: 'integer' },
      ])
      .createIndex('users', 'idx_users_email', [{ name: 'email' }])
      .createIndex('users', 'idx_users_age_email', [{ name: 'age' }, { name: 'email' }])
      .build();
    const [, first, second] = compileUp(m);
    expect(first).toEqual({
      kind: 'command',
      name: 'UpdateTable',
      summary: 'UpdateTable users: create GSI idx_users_email (email S), wait until index idx_users_email is ACTIVE',
      args: {
        input: {
          TableName: 'users',
          AttributeDefinitions: [{ AttributeName: 'email', AttributeType: 'S' }],
          GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'idx_users_email', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
        },
        wait: { table: 'users', index: 'idx_users_email', until: 'ACTIVE' },
        throughputFromTable: true,
      },
    });
    expect(second?.kind === 'command' && second.args).toMatchObject({
      input: {
        AttributeDefinitions: [
          { AttributeName: 'age', AttributeType: 'N' },
          { AttributeName: 'email', AttributeType: 'S' },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: 'idx_users_age_email',
              KeySchema: [
                { AttributeName: 'age', KeyType: 'HASH' },
                { AttributeName: 'email', KeyType: 'RANGE' },
              ],
            },
          },
        ],
      },
    });
  });

  it('a descending index field is refused before any IO (DynamoDB stores no index order)', () => {
    const m = migration('desc_index')
      .createIndex('users', 'idx_users_age', [{ name: 'age', order: 'DESC' }])
      .build();
    expect(() => compileUp(m)).toThrow(UnsupportedOperationError);
    expect(() => compileUp(m)).toThrow(/ScanIndexForward/);
  });

  it('a key the migration does not declare is compiled as S and resolved from the table or history when run', () => {
    const [step] = compileOp({ type: 'createIndex', collection: 'users', name: 'by-status', fields: [{ name: 'status' }] });
    expect(step?.summary).toBe('UpdateTable users: create GSI by-status (status type from the table), wait until index by-status is ACTIVE');
    expect(step?.kind === 'command' && step.args).toMatchObject({
      input: { AttributeDefinitions: [{ AttributeName: 'status', AttributeType: 'S' }] },
      resolveTypes: { collection: 'users', attributes: ['status'] },
    });
  });

  it('dropIndex → UpdateTable deleting the GSI and waiting until it is gone', () => {
    expect(compileOp({ type: 'dropIndex', collection: 'users', name: 'by-status' })).toEqual([
      {
        kind: 'command',
        name: 'UpdateTable',
        summary: 'UpdateTable users: delete GSI by-status, wait until index by-status is DELETED',
        args: { input: { TableName: 'users', GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'by-status' } }] }, wait: { table: 'users', index: 'by-status', until: 'DELETED' } },
      },
    ]);
  });

  it('dropCollection → DeleteTable and wait', () => {
    expect(compileOp({ type: 'dropCollection', name: 'old_table', cascade: true })).toEqual([
      {
        kind: 'command',
        name: 'DeleteTable',
        summary: 'DeleteTable old_table, wait until table old_table is DELETED',
        args: { input: { TableName: 'old_table' }, wait: { table: 'old_table', until: 'DELETED' } },
      },
    ]);
  });

  it.each([
    ['a local secondary index after creation', { using: 'lsi' }, /local secondary index .* on an existing table.*only in CreateTable/],
    ['a unique index', { unique: true }, /do not enforce uniqueness/],
    ['a TTL index', { expireAfterSeconds: 60 }, /ttlAttribute/],
    ['an index on three fields', { fields: [{ name: 'a' }, { name: 'b' }, { name: 'c' }] }, /at most one sort key/],
  ])('refuses %s in compile', (_label, extra, message) => {
    const op = { type: 'createIndex', collection: 'users', name: 'idx', fields: [{ name: 'a' }], ...extra } as never;
    expect(() => compileOp(op)).toThrow(UnsupportedOperationError);
    expect(() => compileOp(op)).toThrow(message);
  });
});

describe('capabilities: unsupported things are refused before any IO', () => {
  // Nothing listens on this port: any IO would fail with a connection error instead.
  const adapter = new DynamoAdapter('dynamodb://localhost:9?region=us-east-1');
  const engine = new MigrationEngine(adapter);

  it.each([
    ['a foreign key', migration('fk').addConstraint('posts', { name: 'fk_posts_author', type: 'foreignKey', columns: ['author_id'], references: { table: 'users', columns: ['id'] } }), /foreignKeys/],
    ['a check constraint', migration('ck').addConstraint('posts', { name: 'ck', type: 'check', expression: 'x > 0' }), /checkConstraints/],
    ['a unique constraint', migration('uq').addConstraint('posts', { name: 'uq', type: 'unique', columns: ['slug'] }), /uniqueConstraints/],
    ['a primary key constraint', migration('pk').addConstraint('posts', { name: 'pk', type: 'primaryKey', columns: ['id'] }), /no constraints besides the table key/],
    ['a partial index', migration('pi').createIndex('posts', 'idx', ['a'], { where: 'a > 1' }), /partialIndexes/],
    ['raw SQL for PostgreSQL', migration('rp').raw('postgresql', 'CREATE EXTENSION x'), /raw "postgresql"/],
  ])('%s', async (_label, builder, message) => {
    const m = builder.build();
    expect(() => engine.plan(m)).toThrow(UnsupportedOperationError);
    await expect(engine.up(m)).rejects.toThrow(message);
  });
});

// A dropIndex's recorded `previous` carries the GSI's projection and capacities (introspection's
// `dynamoOptions` on the index definition): the down's createIndex compiles exactly that.
describe("createIndex with an index definition's dynamoOptions", () => {
  it('compiles the projection and hands the own capacities to the executor; none gives ALL as before', () => {
    const op = { type: 'createIndex', collection: 'tags', name: 'by_user', fields: [{ name: 'user' }], dynamoOptions: { projection: { include: ['note'] }, readCapacity: 3, writeCapacity: 2 } };
    const [step] = compileOp(op as never);
    expect(inputOf(step).GlobalSecondaryIndexUpdates).toEqual([
      { Create: { IndexName: 'by_user', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }], Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] } } },
    ]);
    expect((step as { args: { indexThroughput?: unknown } }).args.indexThroughput).toEqual({ ReadCapacityUnits: 3, WriteCapacityUnits: 2 });
    const [plain] = compileOp({ type: 'createIndex', collection: 'tags', name: 'by_user', fields: [{ name: 'user' }] });
    expect(inputOf(plain).GlobalSecondaryIndexUpdates).toEqual([{ Create: { IndexName: 'by_user', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }]);
    expect((plain as { args: { indexThroughput?: unknown } }).args.indexThroughput).toBeUndefined();
  });

  it('refuses malformed details before any IO', () => {
    const bad = { type: 'createIndex', collection: 'tags', name: 'by_user', fields: [{ name: 'user' }], dynamoOptions: { readCapacity: 3 } };
    expect(() => compileOp(bad as never)).toThrow(/readCapacity and writeCapacity must both be positive integers/);
    const projection = { ...bad, dynamoOptions: { projection: 'SOME' } };
    expect(() => compileOp(projection as never)).toThrow(/projection must be/);
  });
});

describe('createIndex on a field renamed earlier in the migration (reliability history 9)', () => {
  it('takes the key type of the field it was renamed from: declared in the migration, or looked up under the old name', () => {
    const declared = migration('m').addField('orders', { name: 'title', type: 'double' }).renameField('orders', 'title', 'name').createIndex('orders', 'orders_ix', ['name']).build();
    const [, , step] = compileUp(declared);
    expect(inputOf(step).AttributeDefinitions).toEqual([{ AttributeName: 'name', AttributeType: 'N' }]);
    expect(step).not.toMatchObject({ args: { resolveTypes: expect.anything() } });

    const earlier = migration('m2').renameField('orders', 'title', 'label').renameField('orders', 'label', 'name').createIndex('orders', 'orders_ix', ['name']).build();
    const steps = compileUp(earlier);
    expect(steps.at(-1)).toMatchObject({ args: { resolveTypes: { collection: 'orders', attributes: ['name'], sources: { name: 'title' } } } });
  });

  it('does not follow a rename when the field is added anew after it', () => {
    expect(
      fieldAt(
        [
          { type: 'renameField', collection: 'orders', from: 'title', to: 'name' },
          { type: 'dropField', collection: 'orders', field: 'name' },
          { type: 'addField', collection: 'orders', field: { name: 'name', type: 'string' } },
        ],
        'orders',
        'name',
      ),
    ).toEqual({ definition: { name: 'name', type: 'string' }, source: 'name' });
    expect(fieldAt([{ type: 'renameField', collection: 'other', from: 'title', to: 'name' }], 'orders', 'name')).toEqual({ source: 'name' });
  });

  it('takes the definition in effect at the index: a table dropped and created again with another type (reliability history 124)', () => {
    const m = migration('m3')
      .dropCollection('notes')
      .createCollection('notes', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'body', type: 'datetime' },
      ])
      .createIndex('notes', 'notes_ix', ['body', 'id'])
      .build();
    const withPrevious = {
      ...m,
      up: m.up.map((op) =>
        op.type === 'dropCollection'
          ? {
              ...op,
              previous: {
                name: 'notes',
                fields: [
                  { name: 'id', type: 'integer' as const, primaryKey: true },
                  { name: 'body', type: 'decimal' as const, precision: 12, scale: 3 },
                ],
              },
            }
          : op,
      ),
    };
    const step = compileUp(withPrevious).at(-1);
    expect(inputOf(step).AttributeDefinitions).toEqual([
      { AttributeName: 'body', AttributeType: 'S' },
      { AttributeName: 'id', AttributeType: 'N' },
    ]);
  });

  it('a modifyField of the type before the index gives the new type', () => {
    const m = migration('m4').addField('orders', { name: 'code', type: 'string' }).modifyField('orders', 'code', { type: 'integer' }).createIndex('orders', 'orders_code', ['code']).build();
    expect(inputOf(compileUp(m).at(-1)).AttributeDefinitions).toEqual([{ AttributeName: 'code', AttributeType: 'N' }]);
  });
});
