import { describe, expect, it } from 'vitest';
import { migration, type FieldDefinition, type Operation } from '@ductape/core';
import { compileCassandra } from '../../src/index.js';
import { built, cql, refusal } from '../support/compile-helpers.js';
import { specEventsMigration } from '../support/spec-events.js';

const users: Operation = {
  type: 'createCollection',
  name: 'users',
  fields: [
    { name: 'id', type: 'uuid', primaryKey: true },
    { name: 'email', type: 'string', length: 255 },
  ],
};

describe('createCollection → CREATE TABLE', () => {
  it('the spec example: partition key, clustering columns and order, TTL, compaction', () => {
    const m = specEventsMigration();
    expect(cql(m)).toEqual([
      'CREATE TABLE "app"."events" ("id" uuid, "user_id" uuid, "event_type" text, "data" text, "created_at" timestamp, PRIMARY KEY (("user_id"), "created_at", "id")) ' +
        `WITH CLUSTERING ORDER BY ("created_at" DESC, "id" ASC) AND default_time_to_live = 86400 AND compaction = {'class': 'LeveledCompactionStrategy'}`,
    ]);
    expect(cql(m, 0, 'down')).toEqual(['DROP TABLE "app"."events"']);
  });

  it('every portable type of the spec table', () => {
    const types = ['integer', 'bigint', 'smallint', 'float', 'double', 'decimal', 'string', 'text', 'boolean', 'date', 'time', 'datetime', 'timestamp', 'json', 'uuid', 'binary', 'blob'] as const;
    const fields: FieldDefinition[] = [
      { name: 'k', type: 'integer', primaryKey: true },
      ...types.map((t) => ({ name: `c_${t}`, type: t })),
      { name: 'c_enum', type: 'enum', enumValues: ['a'] },
      { name: 'c_array', type: 'array', itemType: 'integer' },
      { name: 'c_tags', type: 'array', itemType: 'string' },
    ];
    const [text] = cql(built({ type: 'createCollection', name: 't', fields }));
    expect(text).toBe(
      'CREATE TABLE "app"."t" ("k" int, "c_integer" int, "c_bigint" bigint, "c_smallint" smallint, "c_float" float, "c_double" double, "c_decimal" decimal, ' +
        '"c_string" text, "c_text" text, "c_boolean" boolean, "c_date" date, "c_time" time, "c_datetime" timestamp, "c_timestamp" timestamp, "c_json" text, ' +
        '"c_uuid" uuid, "c_binary" blob, "c_blob" blob, "c_enum" text, "c_array" list<int>, "c_tags" list<text>, PRIMARY KEY (("k")))',
    );
  });

  it('primary key fields form the partition key; clusteringColumns take theirs out; gc grace, comment, compression', () => {
    const m = built({
      type: 'createCollection',
      name: 'readings',
      fields: [
        { name: 'sensor', type: 'string', primaryKey: true },
        { name: 'day', type: 'date', primaryKey: true },
        { name: 'at', type: 'timestamp', primaryKey: true },
        { name: 'v', type: 'double' },
      ],
      options: { cassandraOptions: { clusteringColumns: ['at'], gcGraceSeconds: 3600, comment: "it's", compression: { class: 'LZ4Compressor', chunk_length_in_kb: 64 } } },
    });
    expect(cql(m)).toEqual([
      `CREATE TABLE "app"."readings" ("sensor" text, "day" date, "at" timestamp, "v" double, PRIMARY KEY (("sensor", "day"), "at")) WITH compression = {'class': 'LZ4Compressor', 'chunk_length_in_kb': '64'} AND gc_grace_seconds = 3600 AND comment = 'it''s'`,
    ]);
  });

  it('column names are quoted (quotes doubled); indexes restored with a dropped table follow', () => {
    const m = built({
      type: 'createCollection',
      name: 'odd',
      fields: [
        { name: 'select', type: 'integer', primaryKey: true },
        { name: 'from "x"', type: 'text' },
        { name: 'Note', type: 'text' },
      ],
      indexes: [{ name: 'odd_note', fields: [{ name: 'Note' }], using: 'sai' }],
    });
    expect(cql(m)).toEqual(['CREATE TABLE "app"."odd" ("select" int, "from ""x""" text, "Note" text, PRIMARY KEY (("select")))', `CREATE INDEX "odd_note" ON "app"."odd" ("Note") USING 'sai'`]);
  });

  it('refuses a table without a primary key, keys that are not fields, and list keys — before IO', () => {
    expect(refusal([{ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer' }] }])).toMatchObject({
      code: 'DUCTAPE_VALIDATION',
      message: expect.stringContaining('needs a primary key'),
    });
    expect(refusal([{ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer' }], options: { cassandraOptions: { partitionKey: ['b'] } } }])).toMatchObject({
      code: 'DUCTAPE_VALIDATION',
    });
    expect(
      refusal([
        {
          type: 'createCollection',
          name: 't',
          fields: [
            { name: 'a', type: 'integer', primaryKey: true },
            { name: 'c', type: 'integer' },
          ],
          options: { cassandraOptions: { clusteringOrder: [{ column: 'c', order: 'DESC' }] } },
        },
      ]),
    ).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(refusal([{ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'array', primaryKey: true }] }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
  });

  it('refuses unique and auto-increment fields, bad table names and bad options', () => {
    expect(
      refusal([
        {
          type: 'createCollection',
          name: 't',
          fields: [
            { name: 'a', type: 'integer', primaryKey: true },
            { name: 'e', type: 'string', unique: true },
          ],
        },
      ]),
    ).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal([{ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer', primaryKey: true, autoIncrement: true }] }])).toMatchObject({
      code: 'DUCTAPE_UNSUPPORTED_OPERATION',
    });
    expect(refusal([{ type: 'createCollection', name: 'my table', fields: [{ name: 'a', type: 'integer', primaryKey: true }] }])).toMatchObject({
      code: 'DUCTAPE_VALIDATION',
      message: expect.stringContaining('letters, digits and _'),
    });
    expect(refusal([{ type: 'createCollection', name: 'x'.repeat(49), fields: [{ name: 'a', type: 'integer', primaryKey: true }] }])).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(refusal([{ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer', primaryKey: true }], options: { cassandraOptions: { defaultTTL: -1 } } }])).toMatchObject({
      code: 'DUCTAPE_VALIDATION',
    });
    expect(
      refusal([{ type: 'createCollection', name: 't', fields: [{ name: 'a', type: 'integer', primaryKey: true }], options: { cassandraOptions: { compaction: { class: 'X', bad: { nested: 1 } } } } }]),
    ).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
  });
});

describe('fields', () => {
  it('addField → ALTER TABLE ADD; dropField → ALTER TABLE DROP', () => {
    const m = built({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } });
    expect(cql(m)).toEqual(['ALTER TABLE "app"."users" ADD "phone" text']);
    expect(cql(m, 0, 'down')).toEqual(['ALTER TABLE "app"."users" DROP "phone"']);
    expect(cql(built({ type: 'addField', collection: 'users', field: { name: 'tags', type: 'array', itemType: 'uuid' } }))).toEqual(['ALTER TABLE "app"."users" ADD "tags" list<uuid>']);
  });

  it('refuses adding a key column and dropping one known to be a key', () => {
    expect(refusal([{ type: 'addField', collection: 'users', field: { name: 'k', type: 'integer', primaryKey: true } }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal([users, { type: 'dropField', collection: 'users', field: 'id' }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal([{ type: 'dropField', collection: 'users', field: 'id', previous: { name: 'id', type: 'uuid', primaryKey: true } }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
  });

  it('renameField → RENAME for key columns; a regular column, or one the op does not describe, is refused before IO', () => {
    const m = built(users, { type: 'renameField', collection: 'users', from: 'id', to: 'user_id' });
    expect(cql(m, 1)).toEqual(['ALTER TABLE "app"."users" RENAME "id" TO "user_id"']);
    expect(cql(m, 0, 'down')).toEqual(['ALTER TABLE "app"."users" RENAME "user_id" TO "id"']);
    const error = refusal([users, { type: 'renameField', collection: 'users', from: 'email', to: 'mail' }]);
    expect(error).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION', message: expect.stringContaining('primary key columns only') });
    // A table from an earlier migration: its previous definition (db.schema.renameField introspects it) decides.
    expect(cql(built({ type: 'renameField', collection: 'old', from: 'a', to: 'b', previous: { name: 'a', type: 'text', primaryKey: true } }))).toEqual(['ALTER TABLE "app"."old" RENAME "a" TO "b"']);
    expect(refusal([{ type: 'renameField', collection: 'old', from: 'a', to: 'b', previous: { name: 'a', type: 'text' } }])).toMatchObject({
      message: expect.stringContaining('primary key columns only'),
    });
    expect(refusal([{ type: 'renameField', collection: 'old', from: 'a', to: 'b' }])).toMatchObject({ message: expect.stringContaining('previous definition') });
  });

  it('modifyField: changes Cassandra does not store are no-ops; a CQL type change is refused', () => {
    const prev: FieldDefinition = { name: 'email', type: 'string', length: 255 };
    expect(cql(built({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500, required: true }, previous: prev }))).toEqual(['-- noop']);
    expect(cql(built({ type: 'modifyField', collection: 'users', field: 'email', changes: { type: 'text' }, previous: prev }))).toEqual(['-- noop']);
    expect(cql(built({ type: 'modifyField', collection: 'users', field: 'at', changes: { type: 'timestamp' }, previous: { name: 'at', type: 'datetime' } }))).toEqual(['-- noop']);
    expect(refusal([{ type: 'modifyField', collection: 'users', field: 'n', changes: { type: 'bigint' }, previous: { name: 'n', type: 'integer' } }])).toMatchObject({
      code: 'DUCTAPE_UNSUPPORTED_OPERATION',
      message: expect.stringContaining('from int to bigint'),
    });
    expect(refusal([{ type: 'modifyField', collection: 'users', field: 'n', changes: { type: 'bigint' } }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal([{ type: 'modifyField', collection: 'users', field: 'n', changes: { unique: true } }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
  });
});

describe('indexes, drops, constraints and raw', () => {
  it('createIndex → storage-attached index; dropIndex; down of a create is a drop', () => {
    const m = built({ type: 'createIndex', collection: 'users', name: 'users_email', fields: [{ name: 'email' }] });
    expect(cql(m)).toEqual([`CREATE INDEX "users_email" ON "app"."users" ("email") USING 'sai'`]);
    expect(cql(m, 0, 'down')).toEqual(['DROP INDEX "app"."users_email"']);
    // Execute waits for schema agreement, then until the index is queryable.
    expect(compileCassandra(m.up[0] as Operation, { migration: m, direction: 'up', index: 0, options: {} }, { keyspace: 'app' })[0]).toMatchObject({ schemaChange: true, saiIndex: 'users_email' });
  });

  it('refuses unique, multi-column, descending, non-SAI and oddly named indexes', () => {
    const ix = (extra: object): Operation[] => [{ type: 'createIndex', collection: 'users', name: 'ix', fields: [{ name: 'email' }], ...extra } as Operation];
    expect(refusal(ix({ unique: true }))).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal(ix({ fields: [{ name: 'a' }, { name: 'b' }] }))).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal(ix({ fields: [{ name: 'a', order: 'DESC' }] }))).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal(ix({ using: 'btree' }))).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal(ix({ name: 'idx "odd"' }))).toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(refusal(ix({ fields: [{ name: 'from "x"' }] }))).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION', message: expect.stringContaining('letters, digits and _') });
  });

  it('dropCollection → DROP TABLE; down recreates from previous', () => {
    const m = built({
      type: 'dropCollection',
      name: 'users',
      previous: { name: 'users', fields: users.type === 'createCollection' ? users.fields : [], indexes: [{ name: 'users_email', fields: [{ name: 'email' }], using: 'sai' }] },
    });
    expect(cql(m)).toEqual(['DROP TABLE "app"."users"']);
    expect(cql(m, 0, 'down')).toEqual(['CREATE TABLE "app"."users" ("id" uuid, "email" text, PRIMARY KEY (("id")))', `CREATE INDEX "users_email" ON "app"."users" ("email") USING 'sai'`]);
  });

  it('constraints are refused', () => {
    expect(refusal([{ type: 'addConstraint', collection: 'users', constraint: { name: 'pk', type: 'primaryKey', columns: ['id'] } }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
    expect(refusal([{ type: 'dropConstraint', collection: 'users', name: 'fk' }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
  });

  it("raw('cassandra', cql) → one step per statement; other dialects refused", () => {
    const m = migration('raw').raw('cassandra', "ALTER TABLE app.t ADD x int; INSERT INTO app.t (k, s) VALUES (1, 'a;b''c') -- note; here\n", { down: 'ALTER TABLE app.t DROP x' }).build();
    expect(cql(m)).toEqual(['ALTER TABLE app.t ADD x int', "INSERT INTO app.t (k, s) VALUES (1, 'a;b''c')"]);
    expect(cql(m, 0, 'down')).toEqual(['ALTER TABLE app.t DROP x']);
    expect(refusal([{ type: 'raw', dialect: 'postgresql', sql: 'SELECT 1' }])).toMatchObject({ code: 'DUCTAPE_UNSUPPORTED_OPERATION' });
  });

  it('compile is deterministic', () => {
    const m = built(users, { type: 'createIndex', collection: 'users', name: 'users_email', fields: [{ name: 'email' }] });
    expect(cql(m, 1)).toEqual(cql(m, 1));
    expect(cql(m, 0)).toEqual(cql(structuredClone(m), 0));
  });
});
