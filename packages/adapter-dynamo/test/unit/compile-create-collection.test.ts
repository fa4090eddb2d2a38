import { describe, expect, it } from 'vitest';
import { migration } from '@ductape/core';
import { compileOp, compileUp, inputOf } from '../support/compile.js';
import { specUsersMigration } from '../support/spec-example.js';

describe('createCollection → CreateTable (golden)', () => {
  it('compiles the spec DynamoDB example to CreateTable (keys, GSI, LSI, stream) then UpdateTimeToLive', () => {
    const m = specUsersMigration();
    expect(compileUp(m)).toEqual([
      {
        kind: 'command',
        name: 'CreateTable',
        summary: 'CreateTable users (id S HASH, created_at N RANGE; 1 GSI; 1 LSI; stream), wait until table users is ACTIVE',
        args: {
          input: {
            TableName: 'users',
            AttributeDefinitions: [
              { AttributeName: 'id', AttributeType: 'S' },
              { AttributeName: 'created_at', AttributeType: 'N' },
              { AttributeName: 'email', AttributeType: 'S' },
            ],
            KeySchema: [
              { AttributeName: 'id', KeyType: 'HASH' },
              { AttributeName: 'created_at', KeyType: 'RANGE' },
            ],
            BillingMode: 'PAY_PER_REQUEST',
            GlobalSecondaryIndexes: [{ IndexName: 'email-index', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } }],
            LocalSecondaryIndexes: [
              {
                IndexName: 'created-index',
                KeySchema: [
                  { AttributeName: 'id', KeyType: 'HASH' },
                  { AttributeName: 'created_at', KeyType: 'RANGE' },
                ],
                Projection: { ProjectionType: 'KEYS_ONLY' },
              },
            ],
            StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
          },
          wait: { table: 'users', until: 'ACTIVE' },
        },
      },
      {
        kind: 'command',
        name: 'UpdateTimeToLive',
        summary: 'UpdateTimeToLive users on expires_at',
        args: { input: { TableName: 'users', TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true } } },
      },
    ]);
  });

  it('takes partition and sort key from the primaryKey fields, typed by the spec table; only key attributes are defined', () => {
    const cases = [
      ['uuid', 'S'],
      ['string', 'S'],
      ['datetime', 'S'],
      ['date', 'S'],
      ['integer', 'N'],
      ['decimal', 'N'],
      ['timestamp', 'N'],
      ['binary', 'B'],
      ['blob', 'B'],
    ] as const;
    for (const [type, attr] of cases) {
      const [step] = compileOp({
        type: 'createCollection',
        name: 'things',
        fields: [
          { name: 'k', type, primaryKey: true },
          { name: 'note', type: 'text' },
          { name: 'on', type: 'boolean' },
        ],
      });
      expect(inputOf(step)).toEqual({
        TableName: 'things',
        AttributeDefinitions: [{ AttributeName: 'k', AttributeType: attr }],
        KeySchema: [{ AttributeName: 'k', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
      });
    }
    const [composite] = compileOp({
      type: 'createCollection',
      name: 'events',
      fields: [
        { name: 'user_id', type: 'uuid', primaryKey: true },
        { name: 'at', type: 'timestamp', primaryKey: true },
      ],
    });
    expect(composite?.summary).toBe('CreateTable events (user_id S HASH, at N RANGE), wait until table events is ACTIVE');
  });

  it('without a declared key, the first field is the partition key', () => {
    const [step] = compileOp({
      type: 'createCollection',
      name: 'logs',
      fields: [
        { name: 'n', type: 'integer' },
        { name: 'msg', type: 'text' },
      ],
    });
    expect(inputOf(step)).toMatchObject({ KeySchema: [{ AttributeName: 'n', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'n', AttributeType: 'N' }] });
  });

  it('PROVISIONED billing puts throughput on the table and on GSIs (index capacity wins)', () => {
    const [step] = compileOp({
      type: 'createCollection',
      name: 'orders',
      fields: [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'customer_id', type: 'uuid' },
        { name: 'total', type: 'decimal' },
      ],
      options: {
        dynamoOptions: {
          billingMode: 'PROVISIONED',
          readCapacity: 5,
          writeCapacity: 2,
          globalSecondaryIndexes: [
            { name: 'by-customer', partitionKey: { name: 'customer_id', type: 'S' }, sortKey: { name: 'total', type: 'N' }, projection: { include: ['status'] } },
            { name: 'by-total', partitionKey: { name: 'total', type: 'N' }, projection: 'KEYS_ONLY', readCapacity: 1, writeCapacity: 1 },
          ],
        },
      },
    });
    const input = inputOf(step);
    expect(input.BillingMode).toBe('PROVISIONED');
    expect(input.ProvisionedThroughput).toEqual({ ReadCapacityUnits: 5, WriteCapacityUnits: 2 });
    expect(input.AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'customer_id', AttributeType: 'S' },
      { AttributeName: 'total', AttributeType: 'N' },
    ]);
    expect(input.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'by-customer',
        KeySchema: [
          { AttributeName: 'customer_id', KeyType: 'HASH' },
          { AttributeName: 'total', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] },
        ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 2 },
      },
      {
        IndexName: 'by-total',
        KeySchema: [{ AttributeName: 'total', KeyType: 'HASH' }],
        Projection: { ProjectionType: 'KEYS_ONLY' },
        ProvisionedThroughput: { ReadCapacityUnits: 1, WriteCapacityUnits: 1 },
      },
    ]);
  });

  it('restores indexes of a dropped table as GSIs, without repeating those already in dynamoOptions', () => {
    const [step] = compileOp({
      type: 'createCollection',
      name: 'users',
      fields: [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'age', type: 'integer' },
      ],
      options: { dynamoOptions: { partitionKey: { name: 'id', type: 'S' }, globalSecondaryIndexes: [{ name: 'by-email', partitionKey: { name: 'email', type: 'S' } }] } },
      indexes: [
        { name: 'by-email', fields: [{ name: 'email' }] },
        { name: 'by-age', fields: [{ name: 'age' }] },
      ],
    });
    const input = inputOf(step) as { GlobalSecondaryIndexes: { IndexName: string }[]; AttributeDefinitions: unknown };
    expect(input.GlobalSecondaryIndexes.map((g) => g.IndexName)).toEqual(['by-email', 'by-age']);
    expect(input.AttributeDefinitions).toContainEqual({ AttributeName: 'age', AttributeType: 'N' });
  });

  it('finding 24: a snapshot (with `indexes`) creates only the GSIs its `indexes` name; a dynamoOptions GSI dropped earlier in the migration is left to its createIndex', () => {
    const gsi = { name: 'tags_ix', partitionKey: { name: 'user', type: 'S' as const }, projection: 'KEYS_ONLY' as const };
    const op = (indexes: { name: string; fields: { name: string }[] }[]) =>
      compileOp({
        type: 'createCollection',
        name: 'tags',
        fields: [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'user', type: 'text' },
        ],
        options: { dynamoOptions: { partitionKey: { name: 'id', type: 'N' }, globalSecondaryIndexes: [gsi] } },
        indexes,
      });
    const dropped = inputOf(op([])[0]);
    expect(dropped.GlobalSecondaryIndexes).toBeUndefined();
    expect(dropped.AttributeDefinitions).toEqual([{ AttributeName: 'id', AttributeType: 'N' }]);
    // Still there: the dynamoOptions entry gives its projection.
    expect(inputOf(op([{ name: 'tags_ix', fields: [{ name: 'user' }] }])[0]).GlobalSecondaryIndexes).toEqual([
      { IndexName: 'tags_ix', KeySchema: [{ AttributeName: 'user', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } },
    ]);
    // Recreated on other keys under the same name: `indexes` decides the keys.
    expect(inputOf(op([{ name: 'tags_ix', fields: [{ name: 'id' }] }])[0]).GlobalSecondaryIndexes).toEqual([
      { IndexName: 'tags_ix', KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } },
    ]);
  });

  it('applies the table prefix', () => {
    expect(compileOp({ type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, 'app_dev_')[0]?.summary).toBe(
      'CreateTable app_dev_users (id S HASH), wait until table app_dev_users is ACTIVE',
    );
  });

  it.each([
    ['a first field that cannot be a key (none declared)', { fields: [{ name: 'a', type: 'boolean' }] }, /cannot be a DynamoDB key/],
    ['three key fields', { fields: ['a', 'b', 'c'].map((name) => ({ name, type: 'string', primaryKey: true })) }, /partition key and at most one sort key/],
    ['a json key', { fields: [{ name: 'a', type: 'json', primaryKey: true }] }, /cannot be a DynamoDB key/],
    [
      'a unique non-key field',
      {
        fields: [
          { name: 'id', type: 'uuid', primaryKey: true },
          { name: 'email', type: 'string', unique: true },
        ],
      },
      /enforces uniqueness only on the table key/,
    ],
    ['PROVISIONED without capacity', { fields: [{ name: 'id', type: 'uuid', primaryKey: true }], options: { dynamoOptions: { billingMode: 'PROVISIONED' } } }, /needs readCapacity and writeCapacity/],
    [
      'an LSI on a table without sort key',
      { fields: [{ name: 'id', type: 'uuid', primaryKey: true }], options: { dynamoOptions: { localSecondaryIndexes: [{ name: 'by-x', sortKey: { name: 'x', type: 'S' } }] } } },
      /need a table with a sort key/,
    ],
    [
      'a key used with two types',
      {
        fields: [{ name: 'id', type: 'uuid', primaryKey: true }],
        options: { dynamoOptions: { partitionKey: { name: 'id', type: 'S' }, globalSecondaryIndexes: [{ name: 'by-id', partitionKey: { name: 'id', type: 'N' } }] } },
      },
      /two types/,
    ],
    ['a bad table name', { name: 'a b', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, /3 to 255 characters/],
  ])('refuses %s before any IO', (_label, partial, message) => {
    const op = { type: 'createCollection', name: 'things', ...partial } as never;
    expect(() => compileOp(op)).toThrow(message);
  });

  it('is deterministic (the engine recompiles to resume)', () => {
    const op = { type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }], options: { dynamoOptions: { ttlAttribute: 'exp' } } } as const;
    expect(JSON.stringify(compileOp(op))).toBe(JSON.stringify(compileOp(op)));
  });
});

describe('createCollection on DynamoDB Local (gsisInCreateTable: false, finding 42)', () => {
  it('creates the table with its LSI but no GSI, then adds each GSI with an UpdateTable whose effect is the index', () => {
    const steps = compileUp(specUsersMigration(), '', { gsisInCreateTable: false });
    expect(steps.map((s) => (s.kind === 'command' ? s.name : s.kind))).toEqual(['CreateTable', 'UpdateTable', 'UpdateTimeToLive']);
    const create = inputOf(steps[0]);
    expect(create.GlobalSecondaryIndexes).toBeUndefined();
    expect(create.LocalSecondaryIndexes).toHaveLength(1);
    // Only the table's and the LSI's key attributes: DynamoDB refuses definitions no key uses.
    expect(create.AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'S' },
      { AttributeName: 'created_at', AttributeType: 'N' },
    ]);
    expect(inputOf(steps[1])).toEqual({
      TableName: 'users',
      AttributeDefinitions: [{ AttributeName: 'email', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'email-index', KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
    });
    expect(steps[1]).toMatchObject({ effects: [{ kind: 'index', collection: 'users', name: 'email-index', exists: true }], args: { wait: { table: 'users', index: 'email-index', until: 'ACTIVE' } } });
  });

  it('still refuses one attribute with two key types across table and GSIs before anything is split off', () => {
    const m = migration('x')
      .createCollection('things', [{ name: 'id', type: 'string', primaryKey: true }], {
        dynamoOptions: { globalSecondaryIndexes: [{ name: 'by-id-n', partitionKey: { name: 'id', type: 'N' } }] },
      })
      .build();
    expect(() => compileUp(m, '', { gsisInCreateTable: false })).toThrow(/two types/);
  });
});

describe("createCollection with indexes (a dropCollection's down)", () => {
  it("keys a GSI by the table's own field type, not by another op's field of the same name", () => {
    const m = migration('x')
      .addField('notes', { name: 'body', type: 'decimal', precision: 12, scale: 3 })
      .operation({
        type: 'createCollection',
        name: 'notes',
        fields: [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'body', type: 'datetime' },
        ],
        indexes: [{ name: 'notes_ix', fields: [{ name: 'body' }] }],
      })
      .build();
    const create = compileUp(m).find((s) => s.kind === 'command' && s.name === 'CreateTable');
    expect(inputOf(create).AttributeDefinitions).toEqual([
      { AttributeName: 'id', AttributeType: 'N' },
      { AttributeName: 'body', AttributeType: 'S' },
    ]);
  });
});
