import { describe, expect, it } from 'vitest';
import { type CreateCollectionOp, type FieldDefinition, type Operation, UnsupportedOperationError, ValidationError, migration, type Step } from '@ductape/core';
import { CASSANDRA_CAPABILITIES, compileCassandra } from '../../src/index.js';
import { parseCql } from '../../src/compile/cql-type.js';
import { emptyTable, type LiveTable } from '../../src/preflight/live-schema.js';
import { replayEffects } from '../../src/preflight/replay.js';
import { built, cql, refusal } from '../support/compile-helpers.js';

// Issue 25: Cassandra's own types and options (counter tables, collections with element types,
// frozen, timeuuid, static columns, vectors and vector indexes, table options on an existing table).

const counterTable = (extra: FieldDefinition[] = []): Operation => ({
  type: 'createCollection',
  name: 'page_views',
  fields: [{ name: 'page', type: 'text', primaryKey: true }, { name: 'views', type: 'native', native: 'counter' }, ...extra],
});

const posts: CreateCollectionOp = {
  type: 'createCollection',
  name: 'posts',
  fields: [
    { name: 'author', type: 'uuid' },
    { name: 'id', type: 'native', native: 'timeuuid' },
    { name: 'author_name', type: 'text', static: true },
    { name: 'tags', type: 'native', native: 'set<text>' },
    { name: 'meta', type: 'native', native: 'map<text, int>' },
    { name: 'home', type: 'native', native: 'frozen<address>' },
    { name: 'embedding', type: 'native', native: 'vector<float, 3>' },
  ],
  options: { cassandraOptions: { partitionKey: ['author'], clusteringColumns: ['id'], clusteringOrder: [{ column: 'id', order: 'DESC' }] } },
};

describe('Cassandra types in CQL (compile, no server)', () => {
  it('a table with a static column, a set, a map, a frozen UDT, a vector and a timeuuid clustering column newest first', () => {
    expect(cql(built(posts))).toEqual([
      'CREATE TABLE "app"."posts" ("author" uuid, "id" timeuuid, "author_name" text STATIC, "tags" set<text>, "meta" map<text, int>, "home" frozen<address>, "embedding" vector<float, 3>, PRIMARY KEY (("author"), "id")) WITH CLUSTERING ORDER BY ("id" DESC)',
    ]);
  });

  it('a counter table (keys and counters only) compiles; a regular column beside a counter, a counter key, a counter with a TTL are refused before IO', () => {
    expect(cql(built(counterTable()))).toEqual(['CREATE TABLE "app"."page_views" ("page" text, "views" counter, PRIMARY KEY (("page")))']);
    expect(refusal([counterTable([{ name: 'note', type: 'text' }])])).toBeInstanceOf(UnsupportedOperationError);
    expect(String(refusal([counterTable([{ name: 'note', type: 'text' }])]))).toMatch(/holds only its key columns and counters/);
    const keyed: Operation = { type: 'createCollection', name: 'c', fields: [{ name: 'n', type: 'native', native: 'counter', primaryKey: true }] };
    expect(refusal([keyed])).toBeInstanceOf(UnsupportedOperationError);
    const ttl = { ...(counterTable() as object), options: { cassandraOptions: { defaultTTL: 60 } } } as Operation;
    expect(String(refusal([ttl]))).toMatch(/cannot expire counters/);
    // In the same migration: adding a regular column to the counter table, or a counter to a regular table.
    expect(refusal([counterTable(), { type: 'addField', collection: 'page_views', field: { name: 'note', type: 'text' } }])).toBeInstanceOf(UnsupportedOperationError);
    expect(refusal([posts, { type: 'addField', collection: 'posts', field: { name: 'hits', type: 'native', native: 'counter' } }])).toBeInstanceOf(UnsupportedOperationError);
    expect(cql(built(counterTable(), { type: 'addField', collection: 'page_views', field: { name: 'likes', type: 'native', native: 'counter' } }), 1)).toEqual([
      'ALTER TABLE "app"."page_views" ADD "likes" counter',
    ]);
  });

  it('element types are checked as Cassandra does: frozen inside collections, counter only as a column, vector dimensions, arity', () => {
    const bad = ['set<list<int>>', 'list<address>', 'map<text>', 'list<counter>', 'frozen<int>', 'vector<float, 0>', 'vector<float>', 'vector<list<int>, 3>', 'int<text>', 'set<text, int>'];
    for (const native of bad) expect(() => parseCql(native, 't.c'), native).toThrow(ValidationError);
    const good = [
      'set<frozen<list<int>>>',
      'list<frozen<address>>',
      'map<timeuuid, frozen<map<text, int>>>',
      'tuple<int, list<text>>',
      'vector<float, 768>',
      'frozen<tuple<int, text>>',
      'address',
      'counter',
    ];
    for (const native of good) expect(() => parseCql(native, 't.c'), native).not.toThrow();
    expect(refusal([{ type: 'addField', collection: 't', field: { name: 'c', type: 'native', native: 'set<list<int>>' } }])).toBeInstanceOf(ValidationError);
  });

  it('a modifyField that changes only the native text is a type change, refused when the CQL type differs (was a silent no-op)', () => {
    const previous = { name: 'tags', type: 'native' as const, native: 'set<text>' };
    expect(refusal([{ type: 'modifyField', collection: 't', field: 'tags', changes: { native: 'list<text>' }, previous }])).toBeInstanceOf(UnsupportedOperationError);
    expect(refusal([{ type: 'modifyField', collection: 't', field: 'tags', changes: { native: 'set<varchar>' }, previous }])).toBeUndefined();
  });

  it('a static column: STATIC in ADD; refused on a table without clustering columns and on a key column; static-ness cannot be modified', () => {
    expect(cql(built(posts, { type: 'addField', collection: 'posts', field: { name: 'bio', type: 'text', static: true } }), 1)).toEqual(['ALTER TABLE "app"."posts" ADD "bio" text STATIC']);
    const flat: Operation = {
      type: 'createCollection',
      name: 'flat',
      fields: [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 's', type: 'text', static: true },
      ],
    };
    expect(String(refusal([flat]))).toMatch(/no clustering columns/);
    expect(
      refusal([posts, { type: 'addField', collection: 'posts', field: { name: 'x', type: 'text' } }, { type: 'modifyField', collection: 'posts', field: 'x', changes: { static: true } }]),
    ).toBeInstanceOf(UnsupportedOperationError);
    const partitionStatic: CreateCollectionOp = { ...posts, fields: [{ name: 'author', type: 'uuid', static: true }, ...posts.fields.slice(1)] };
    expect(refusal([partitionStatic])).toBeInstanceOf(UnsupportedOperationError);
  });

  it('a vector index: SAI WITH OPTIONS similarity_function; refused on a column of this migration that is not a vector', () => {
    const m = built(posts, { type: 'createIndex', collection: 'posts', name: 'posts_embedding', fields: [{ name: 'embedding' }], similarityFunction: 'dot_product' });
    expect(cql(m, 1)).toEqual([`CREATE INDEX "posts_embedding" ON "app"."posts" ("embedding") USING 'sai' WITH OPTIONS = {'similarity_function': 'DOT_PRODUCT'}`]);
    expect(cql(m, 0, 'down')).toEqual(['DROP INDEX "app"."posts_embedding"']);
    expect(refusal([posts, { type: 'createIndex', collection: 'posts', name: 'posts_tags', fields: [{ name: 'meta' }], similarityFunction: 'cosine' }])).toBeInstanceOf(UnsupportedOperationError);
  });

  it('table options of an existing table: one ALTER TABLE … WITH; null is Cassandra default; the down sets back previous', () => {
    const m = migration('opts')
      .alterCollectionOptions(
        'events',
        {
          cassandraOptions: {
            defaultTTL: 86400,
            gcGraceSeconds: 3600,
            comment: "it's",
            compaction: { class: 'LeveledCompactionStrategy', sstable_size_in_mb: 160 },
            compression: { class: 'ZstdCompressor' },
          },
        },
        {
          previous: {
            cassandraOptions: {
              defaultTTL: null,
              gcGraceSeconds: null,
              comment: null,
              compaction: { class: 'SizeTieredCompactionStrategy', max_threshold: '32', min_threshold: '4' },
              compression: null,
            },
          },
        },
      )
      .build();
    expect(cql(m)).toEqual([
      `ALTER TABLE "app"."events" WITH default_time_to_live = 86400 AND compaction = {'class': 'LeveledCompactionStrategy', 'sstable_size_in_mb': '160'} AND compression = {'class': 'ZstdCompressor'} AND gc_grace_seconds = 3600 AND comment = 'it''s'`,
    ]);
    expect(cql(m, 0, 'down')).toEqual([
      `ALTER TABLE "app"."events" WITH default_time_to_live = 0 AND compaction = {'class': 'SizeTieredCompactionStrategy', 'max_threshold': '32', 'min_threshold': '4'} AND compression = {'class': 'LZ4Compressor', 'chunk_length_in_kb': '16'} AND gc_grace_seconds = 864000 AND comment = ''`,
    ]);
    expect(CASSANDRA_CAPABILITIES.optionChanges).toEqual(['cassandraOptions']);
    expect(refusal([{ type: 'alterCollectionOptions', collection: 'events', options: { dynamoOptions: { pointInTimeRecovery: true } } }])).toBeInstanceOf(UnsupportedOperationError);
  });
});

describe('user-defined types (compile, no server)', () => {
  it('createType, alterType and dropType compile to CREATE/ALTER/DROP TYPE; the down of createType drops it, of a rename renames back', () => {
    const m = migration('types')
      .createType('address', { street: 'text', city: 'string', tags: { type: 'native', native: 'frozen<set<text>>' } })
      .alterType('address', { renameField: { from: 'street', to: 'line1' } })
      .build();
    expect(cql(m, 0)).toEqual(['CREATE TYPE "app"."address" ("street" text, "city" text, "tags" frozen<set<text>>)']);
    expect(cql(m, 1)).toEqual(['ALTER TYPE "app"."address" RENAME "street" TO "line1"']);
    expect(cql(m, 0, 'down')).toEqual(['ALTER TYPE "app"."address" RENAME "line1" TO "street"']);
    expect(cql(m, 1, 'down')).toEqual(['DROP TYPE "app"."address"']);
    const add = migration('add')
      .alterType('address', { addField: { name: 'zip', type: 'text' } })
      .build();
    expect(cql(add)).toEqual(['ALTER TYPE "app"."address" ADD "zip" text']);
  });

  it('a counter field, a non-frozen collection of a type and a name in capitals are refused before IO', () => {
    expect(refusal([{ type: 'createType', name: 'stats', fields: [{ name: 'n', type: 'native', native: 'counter' }] }])).toBeInstanceOf(UnsupportedOperationError);
    expect(refusal([{ type: 'createType', name: 'stats', fields: [{ name: 'n', type: 'native', native: 'list<list<int>>' }] }])).toBeInstanceOf(ValidationError);
    expect(String(refusal([{ type: 'createType', name: 'Address', fields: [{ name: 'n', type: 'text' }] }]))).toMatch(/name it "address"/);
  });
});

describe('Cassandra types against the live schema (preflight replay, no server)', () => {
  const compiled = (ops: Operation[]): Step[] => {
    const m = built(...ops);
    return m.up.flatMap((op, index) => compileCassandra(op, { migration: m, direction: 'up', index, options: {} }, { keyspace: 'app' }));
  };
  const table = (columns: [string, string, string][]): Map<string, LiveTable> =>
    new Map([['t', { ...emptyTable(true), columns: new Map(columns.map(([n, type]) => [n, type])), kinds: new Map(columns.map(([n, , kind]) => [n, kind])) }]]);

  it('a regular column added to a live counter table, or a counter to a live regular table, is refused before anything runs', () => {
    const counters = (): Map<string, LiveTable> =>
      table([
        ['k', 'text', 'partition_key'],
        ['n', 'counter', 'regular'],
      ]);
    expect(replayEffects(compiled([{ type: 'addField', collection: 't', field: { name: 'note', type: 'text' } }]), counters()).map((i) => i.code)).toEqual(['counter_table']);
    expect(replayEffects(compiled([{ type: 'addField', collection: 't', field: { name: 'm', type: 'native', native: 'counter' } }]), counters())).toEqual([]);
    const regular = table([
      ['k', 'text', 'partition_key'],
      ['v', 'int', 'regular'],
    ]);
    expect(replayEffects(compiled([{ type: 'addField', collection: 't', field: { name: 'n', type: 'native', native: 'counter' } }]), regular).map((i) => i.code)).toEqual(['counter_table']);
  });

  it('a static column on a live table without clustering columns, and a vector index on a live non-vector column, are refused', () => {
    const flat = (): Map<string, LiveTable> =>
      table([
        ['k', 'text', 'partition_key'],
        ['v', 'int', 'regular'],
      ]);
    expect(replayEffects(compiled([{ type: 'addField', collection: 't', field: { name: 's', type: 'text', static: true } }]), flat()).map((i) => i.code)).toEqual(['static_without_clustering']);
    expect(replayEffects(compiled([{ type: 'createIndex', collection: 't', name: 't_v', fields: [{ name: 'v' }], similarityFunction: 'cosine' }]), flat()).map((i) => i.code)).toEqual([
      'vector_index_column',
    ]);
    const clustered = (): Map<string, LiveTable> =>
      table([
        ['k', 'text', 'partition_key'],
        ['c', 'timeuuid', 'clustering'],
        ['e', 'vector<float, 3>', 'regular'],
      ]);
    expect(replayEffects(compiled([{ type: 'addField', collection: 't', field: { name: 's', type: 'text', static: true } }]), clustered())).toEqual([]);
    expect(replayEffects(compiled([{ type: 'createIndex', collection: 't', name: 't_e', fields: [{ name: 'e' }], similarityFunction: 'cosine' }]), clustered())).toEqual([]);
  });
});
