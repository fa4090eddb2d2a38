import { type Capabilities, type CollectionSnapshot, type HistoryEntry, type Migration, migration } from '@ductape/sdk';
import { describe, expect, it } from 'vitest';
import { compareCollection } from '../../src/drift/compare.js';
import { driftCoverage } from '../../src/drift/coverage.js';
import { type ExpectedLive, expectedSchema } from '../../src/drift/expected-schema.js';
import { expressionKey } from '../../src/drift/sql-expression.js';

// Issue 24: what drift compares on each database, against snapshots shaped as each adapter's
// introspection returns them (no server): what a database cannot show is named, never drift.

const row = (m: Migration): HistoryEntry => ({
  name: m.name,
  tag: m.tag,
  checksum: '',
  status: 'applied',
  direction: 'up',
  appliedAt: new Date(),
  startedAt: new Date(),
  executionMs: 0,
  stepsApplied: 1,
  stepsTotal: 1,
  error: null,
  appliedBy: 't',
  migration: m,
});
const caps = (o: Partial<Capabilities>): Capabilities => ({
  transactionalDdl: false,
  renameField: true,
  renameCollection: true,
  modifyField: true,
  dropField: true,
  foreignKeys: true,
  checkConstraints: true,
  uniqueConstraints: true,
  partialIndexes: true,
  concurrentIndex: false,
  rawDialects: [],
  ...o,
});
const expectedOf = (m: Migration, name: string, database?: string) => expectedSchema([row(m)], database).collections.get(name) as ExpectedLive;

describe('drift coverage per database', () => {
  it('MySQL/MariaDB: the index InnoDB made for a foreign key, left after the key was dropped by hand, is not an extra index; a unique index read back as a field key is the same key', () => {
    const m = migration('m')
      .createCollection('orders', { id: { type: 'integer', primaryKey: true }, user_id: { type: 'integer', references: { table: 'users' } }, code: 'string' })
      .createIndex('orders', 'orders_code_key', ['code'], { unique: true })
      .build();
    const mysql = driftCoverage({ name: 'mariadb', capabilities: caps({ partialIndexes: false, indexPrefixLength: true }) });
    const live: CollectionSnapshot = {
      name: 'orders',
      // the key is gone; its index (named after it, on its column) stays
      fields: [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'user_id', type: 'integer' },
        { name: 'code', type: 'string', unique: true },
      ],
      indexes: [{ name: 'orders_user_id_fkey', fields: [{ name: 'user_id' }] }],
      constraints: [],
    };
    expect(compareCollection('orders', expectedOf(m, 'orders'), live, mysql)).toEqual([
      { collection: 'orders', kind: 'missing-foreign-key', name: 'orders_user_id_fkey', expected: '(user_id) → users(id)', madeBy: m.tag },
    ]);
  });

  it('a prefix length is compared where the model has it', () => {
    const m = migration('m')
      .createCollection('posts', { id: { type: 'integer', primaryKey: true }, slug: 'text' })
      .createIndex('posts', 'posts_slug', [{ name: 'slug', length: 191 }])
      .build();
    const live: CollectionSnapshot = {
      name: 'posts',
      fields: [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'slug', type: 'text' },
      ],
      indexes: [{ name: 'posts_slug', fields: [{ name: 'slug', length: 100 }] }],
      constraints: [],
    };
    expect(compareCollection('posts', expectedOf(m, 'posts'), live, driftCoverage({ name: 'mysql', capabilities: caps({ indexPrefixLength: true }) }))).toMatchObject([
      { kind: 'changed-index', name: 'posts_slug', expected: '(slug(191))', actual: '(slug(100))' },
    ]);
  });

  it('MongoDB: no foreign keys or checks to compare (named, never drift); unique fields and partial filters compared', () => {
    const coverage = driftCoverage({ name: 'mongo', capabilities: caps({ foreignKeys: false, checkConstraints: false }) });
    expect(coverage.notCompared).toEqual(['foreign keys (mongo has none)', 'check constraints (mongo has none)']);
    const m = migration('m')
      .createCollection('users', { _id: { type: 'string', primaryKey: true }, email: { type: 'string', unique: true }, status: 'string' })
      .createIndex('users', 'users_active', ['status'], { where: { status: { $eq: 'active' } } })
      .build();
    const live: CollectionSnapshot = {
      name: 'users',
      fields: [
        { name: '_id', type: 'string', primaryKey: true },
        { name: 'email', type: 'string' },
        { name: 'status', type: 'string' },
      ],
      indexes: [{ name: 'users_active', fields: [{ name: 'status' }], where: { status: { $eq: 'active' } } }],
      constraints: [],
    };
    expect(compareCollection('users', expectedOf(m, 'users'), live, coverage)).toEqual([{ collection: 'users', kind: 'missing-unique', name: 'users_email_key', expected: '(email)', madeBy: m.tag }]);
  });

  it('DynamoDB: the GSIs a createCollection declares are its indexes, compared by name and key attributes; unique constraints, keys and checks named as not compared', () => {
    const coverage = driftCoverage({ name: 'dynamodb', capabilities: caps({ foreignKeys: false, checkConstraints: false, uniqueConstraints: false, partialIndexes: false }) });
    expect(coverage.notCompared).toHaveLength(4);
    expect(coverage.notCompared[3]).toContain('local secondary indexes');
    const m = migration('m')
      .createCollection(
        'events',
        { pk: { type: 'string', primaryKey: true }, owner: 'string', at: 'string' },
        { dynamoOptions: { partitionKey: { name: 'pk', type: 'S' }, globalSecondaryIndexes: [{ name: 'by_owner', partitionKey: { name: 'owner', type: 'S' }, sortKey: { name: 'at', type: 'S' } }] } },
      )
      .build();
    const fields = [
      { name: 'pk', type: 'string' as const, primaryKey: true },
      { name: 'owner', type: 'string' as const },
      { name: 'at', type: 'string' as const },
    ];
    const live = (indexes: CollectionSnapshot['indexes']): CollectionSnapshot => ({ name: 'events', fields, indexes });
    const withGsi = live([{ name: 'by_owner', fields: [{ name: 'owner' }, { name: 'at' }], dynamoOptions: { projection: { type: 'ALL' } } } as never]);
    expect(compareCollection('events', expectedOf(m, 'events', 'dynamodb'), withGsi, coverage)).toEqual([]);
    expect(compareCollection('events', expectedOf(m, 'events', 'dynamodb'), live([]), coverage)).toMatchObject([{ kind: 'missing-index', name: 'by_owner', expected: '(owner, at)' }]);
  });

  it("Cassandra: an index's SAI kind is compared only where the history states it", () => {
    const coverage = driftCoverage({ name: 'cassandra', capabilities: caps({ foreignKeys: false, checkConstraints: false, uniqueConstraints: false, partialIndexes: false }) });
    const m = migration('m')
      .createCollection('users', { id: { type: 'uuid', primaryKey: true }, email: 'string' })
      .createIndex('users', 'users_email', ['email'])
      .build();
    const live: CollectionSnapshot = {
      name: 'users',
      fields: [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'email', type: 'string' },
      ],
      indexes: [{ name: 'users_email', fields: [{ name: 'email' }], using: 'sai' }],
    };
    expect(compareCollection('users', expectedOf(m, 'users'), live, coverage)).toEqual([]);
  });
});

describe('expressionKey', () => {
  it.each([
    ['total >= 0', '(total >= (0)::numeric)'],
    ['price > 0', '`price` > 0'],
    ["status IN ('a', 'b')", "((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))"],
    ["status IN ('a', 'b')", "`status` in (_utf8mb4'a',_utf8mb4'b')"],
    ['n BETWEEN 1 AND 5', '((n >= 1) AND (n <= 5))'],
    ["name LIKE 'a%'", "((name)::text ~~ 'a%'::text)"],
    ["status = 'active'", "((status)::text = 'active'::text)"],
  ])('%s reads the same as %s', (a, b) => expect(expressionKey(a)).toBe(expressionKey(b)));

  it.each([
    ['total >= 0', 'total > 0'],
    ["status = 'Active'", "status = 'active'"],
    ['a + b > 1', 'a + c > 1'],
  ])('%s differs from %s', (a, b) => expect(expressionKey(a)).not.toBe(expressionKey(b)));
});
