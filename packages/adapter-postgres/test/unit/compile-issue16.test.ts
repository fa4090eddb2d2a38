import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError, ValidationError, migration, uniqueKeyName, type FieldDefinition, type Migration, type Operation } from '@ductape/core';
import { PostgresAdapter, compilePostgres } from '../../src/index.js';
import { parseNativeType } from '../../src/compile/native-type.js';
import { parseDefault } from '../../src/introspect/parse-default.js';
import { parseType } from '../../src/introspect/parse-type.js';
import { build, compileAll, compileOne } from '../support/compile-helpers.js';

// Issue 16 on PostgreSQL: native types, renameCollection, index key prefixes, portable unique
// names, and modifyField taking the old type from `previous` only.

/** Compiles an op that did not go through core's builder (as an engine-resolved `previous` does not). */
function compileUnbuilt(op: Operation): string[] {
  const m = { name: 'unbuilt', tag: '20240115143052', up: [op], down: [] } as unknown as Migration;
  return compilePostgres(op, { migration: m, direction: 'up', index: 0, options: {} }).map((s) => (s.kind === 'statement' ? s.text : s.kind));
}

describe('native field type', () => {
  it('is written verbatim in CREATE TABLE and ADD COLUMN, its default left uncast', () => {
    expect(
      compileOne({
        type: 'createCollection',
        name: 'docs',
        fields: [
          { name: 'id', type: 'uuid', primaryKey: true },
          { name: 'body', type: 'native', native: 'tsvector', required: true },
          { name: 'ip', type: 'native', native: 'inet', default: '127.0.0.1' },
          { name: 'n', type: 'native', native: 'money', default: 5 },
          { name: 'vu', type: 'native', native: 'character varying', unique: true },
        ],
      }),
    ).toMatchInlineSnapshot(`
      [
        "CREATE TABLE "public"."docs" (
        "id" uuid PRIMARY KEY,
        "body" tsvector NOT NULL,
        "ip" inet DEFAULT '127.0.0.1',
        "n" money DEFAULT 5,
        "vu" character varying CONSTRAINT "docs_vu_key" UNIQUE
      )",
      ]
    `);
    expect(compileOne({ type: 'addField', collection: 'docs', field: { name: 'r', type: 'native', native: 'timestamp(3) without time zone' } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."docs" ADD COLUMN "r" timestamp(3) without time zone',
    ]);
  });

  it('keeps a DEFAULT or GENERATED clause the introspector put in it', () => {
    expect(compileOne({ type: 'addField', collection: 't', field: { name: 'd', type: 'native', native: 'date DEFAULT CURRENT_DATE' } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."t" ADD COLUMN "d" date DEFAULT CURRENT_DATE',
    ]);
    // Core's builder refuses this text (its native pattern has no operators); an engine-resolved
    // `previous` is not built, so the compiler checks it on its own.
    expect(compileUnbuilt({ type: 'addField', collection: 't', field: { name: 'g', type: 'native', native: 'integer GENERATED ALWAYS AS ((a * 2)) STORED' } })).toEqual([
      'ALTER TABLE "public"."t" ADD COLUMN "g" integer GENERATED ALWAYS AS ((a * 2)) STORED',
    ]);
    expect(() => compileUnbuilt({ type: 'addField', collection: 't', field: { name: 'g', type: 'native', native: 'integer GENERATED ALWAYS AS (1); DROP TABLE t; --' } })).toThrow(ValidationError);
    expect(() => compileOne({ type: 'addField', collection: 't', field: { name: 'd', type: 'native', native: 'date DEFAULT CURRENT_DATE', default: '2024-01-01' } })).toThrow(ValidationError);
  });

  it('refuses text that is not one column type, before any IO', () => {
    for (const bad of [
      'tsvector; DROP TABLE users',
      'text -- comment',
      'text /* c */',
      'integer)',
      '(integer',
      '"unterminated',
      "text DEFAULT 'x",
      'text DEFAULT $$x$$',
      "text 'x'",
      'integer::text',
      '',
    ]) {
      expect(() => parseNativeType(bad), bad).toThrow(ValidationError);
    }
    expect(parseNativeType('"char"')).toEqual({ type: '"char"' });
    expect(parseNativeType('text COLLATE pg_catalog."C"')).toEqual({ type: 'text COLLATE pg_catalog."C"' });
    expect(parseNativeType("text DEFAULT lower('X'::text)")).toEqual({ type: 'text', clause: "DEFAULT lower('X'::text)" });
  });

  it('modifyField to and from a native type casts with USING, from previous', () => {
    expect(compileOne({ type: 'modifyField', collection: 'docs', field: 'body', changes: { type: 'native', native: 'tsvector' }, previous: { name: 'body', type: 'text' } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."docs" ALTER COLUMN "body" TYPE tsvector USING "body"::tsvector',
    ]);
    expect(
      compileOne({
        type: 'modifyField',
        collection: 'docs',
        field: 'vu',
        changes: { type: 'string', length: 50, native: null },
        previous: { name: 'vu', type: 'native', native: 'character varying' },
      }),
    ).toEqual(['[lock-retry] ALTER TABLE "public"."docs" ALTER COLUMN "vu" TYPE varchar(50) USING "vu"::varchar(50)']);
    const generated: FieldDefinition = { name: 'g', type: 'native', native: 'integer GENERATED ALWAYS AS ((a * 2)) STORED' };
    expect(() => compileUnbuilt({ type: 'modifyField', collection: 't', field: 'g', changes: { type: 'bigint', native: null }, previous: generated })).toThrow(UnsupportedOperationError);
  });
});

describe('modifyField takes the old type from previous', () => {
  it('widens text to varchar and varchar(100) to varchar(255) (issue 16 defect 1 shape)', () => {
    expect(compileOne({ type: 'modifyField', collection: 't', field: 'a', changes: { type: 'string', length: 255 }, previous: { name: 'a', type: 'text' } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."t" ALTER COLUMN "a" TYPE varchar(255) USING "a"::varchar(255)',
    ]);
    expect(compileOne({ type: 'modifyField', collection: 't', field: 'b', changes: { length: 255 }, previous: { name: 'b', type: 'string', length: 100 } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."t" ALTER COLUMN "b" TYPE varchar(255) USING "b"::varchar(255)',
    ]);
  });

  it('keeps what the change does not name: scale, item type, default', () => {
    expect(compileOne({ type: 'modifyField', collection: 't', field: 'p', changes: { precision: 12 }, previous: { name: 'p', type: 'decimal', precision: 10, scale: 2, default: '1.50' } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."t" ALTER COLUMN "p" DROP DEFAULT',
      '[lock-retry] ALTER TABLE "public"."t" ALTER COLUMN "p" TYPE numeric(12, 2) USING "p"::numeric(12, 2)',
      '[lock-retry] ALTER TABLE "public"."t" ALTER COLUMN "p" SET DEFAULT 1.50',
    ]);
    expect(compileOne({ type: 'modifyField', collection: 't', field: 'ids', changes: { itemType: 'text' }, previous: { name: 'ids', type: 'array', itemType: 'uuid' } })).toEqual([
      '[lock-retry] ALTER TABLE "public"."t" ALTER COLUMN "ids" TYPE text[] USING "ids"::text[]',
    ]);
  });

  it('emits nothing when previous already has the change (the engine reports it as already so)', () => {
    expect(compileOne({ type: 'modifyField', collection: 't', field: 'b', changes: { length: 100 }, previous: { name: 'b', type: 'string', length: 100 } })).toEqual([]);
  });
});

describe('renameCollection', () => {
  it('is ALTER TABLE … RENAME TO, schema-qualified, and its down renames back', () => {
    const m = migration('rename_users').at(new Date('2024-01-15T14:30:52Z')).renameCollection('users', 'people').build();
    expect(compileAll(m)).toEqual(['[lock-retry] ALTER TABLE "public"."users" RENAME TO "people"']);
    expect(compileAll(m, 'down')).toEqual(['[lock-retry] ALTER TABLE "public"."people" RENAME TO "users"']);
    expect(compileAll(m, 'up', {}, 'app ✓')).toEqual(['[lock-retry] ALTER TABLE "app ✓"."users" RENAME TO "people"']);
  });

  it('validates the new name before any IO', () => {
    expect(() => compileOne({ type: 'renameCollection', from: 'users', to: 'x'.repeat(64) } as Operation)).toThrow(ValidationError);
  });

  it('a table created and renamed in the same migration is new: its index is not built concurrently', () => {
    const m = build(
      'create_rename_index',
      { type: 'createCollection', name: 'a', fields: [{ name: 'id', type: 'integer' }] },
      { type: 'renameCollection', from: 'a', to: 'b' },
      { type: 'createIndex', collection: 'b', name: 'b_id', fields: [{ name: 'id' }] },
    );
    expect(compileAll(m).at(-1)).toBe('CREATE INDEX "b_id" ON "public"."b" ("id")');
  });

  it('is a capability of the adapter', () => {
    expect(new PostgresAdapter({ url: 'postgres://localhost/none' }).capabilities.renameCollection).toBe(true);
  });
});

describe('index key prefix (IndexField.length)', () => {
  it('is refused with UnsupportedOperationError naming the fix', () => {
    const op = { type: 'createIndex', collection: 'posts', name: 'posts_body', fields: [{ name: 'body', length: 100 }] } as Operation;
    expect(() => compileOne(op)).toThrow(UnsupportedOperationError);
    expect(() => compileOne(op)).toThrow(/drop `length`.*expression index.*raw/);
    const create = { type: 'createCollection', name: 'posts', fields: [{ name: 'body', type: 'text' }], indexes: [{ name: 'posts_body', fields: [{ name: 'body', length: 100 }] }] } as Operation;
    expect(() => compileOne(create)).toThrow(UnsupportedOperationError);
  });
});

describe('unique: true', () => {
  it("is named with core's uniqueKeyName, also past 63 bytes", () => {
    const table = 'a_rather_long_table_name_for_unique_keys';
    const column = 'and_an_even_longer_column_name_too';
    const name = uniqueKeyName(table, column);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(63);
    expect(compileOne({ type: 'addField', collection: table, field: { name: column, type: 'text', unique: true } })).toEqual([
      `[lock-retry] ALTER TABLE "public"."${table}" ADD COLUMN "${column}" text CONSTRAINT "${name}" UNIQUE`,
    ]);
  });
});

describe('introspection types and defaults', () => {
  it('reads a portable type only when it is exactly what the compiler writes', () => {
    expect(parseType('character varying(20)')).toEqual({ type: 'string', length: 20 });
    expect(parseType('character varying')).toEqual({ type: 'native', native: 'character varying' });
    expect(parseType('numeric(10,2)')).toEqual({ type: 'decimal', precision: 10, scale: 2 });
    expect(parseType('numeric')).toEqual({ type: 'decimal' });
    expect(parseType('json')).toEqual({ type: 'native', native: 'json' });
    expect(parseType('jsonb')).toEqual({ type: 'json' });
    // precision on PostgreSQL's temporal types compiles since issue 24, so it reads back portable
    expect(parseType('timestamp(3) without time zone')).toEqual({ type: 'datetime', precision: 3 });
    expect(parseType('uuid[]')).toEqual({ type: 'array', itemType: 'uuid' });
    expect(parseType('character varying(255)[]')).toEqual({ type: 'array', itemType: 'string' });
    expect(parseType('character varying(20)[]')).toEqual({ type: 'native', native: 'character varying(20)[]' });
    expect(parseType('tsvector')).toEqual({ type: 'tsvector' }); // PostgreSQL's own types the model names (issue 25)
    expect(parseType('inet')).toEqual({ type: 'inet' });
    expect(parseType('character(3)')).toEqual({ type: 'native', native: 'character(3)' });
  });

  it('never turns a default expression into a string literal', () => {
    expect(parseDefault('CURRENT_DATE', 'date')).toEqual({ kind: 'expression', sql: 'CURRENT_DATE' });
    expect(parseDefault("lower('X'::text)", 'text')).toEqual({ kind: 'expression', sql: "lower('X'::text)" });
    expect(parseDefault("nextval('other_seq'::regclass)", 'integer')).toEqual({ kind: 'expression', sql: "nextval('other_seq'::regclass)" });
    expect(parseDefault("'9007199254740993'::bigint", 'bigint')).toEqual({ kind: 'expression', sql: '9007199254740993' });
    expect(parseDefault('1.50', 'decimal')).toEqual({ kind: 'value', value: '1.50' });
    expect(parseDefault("'{a,b}'::text[]", 'array', 'text')).toEqual({ kind: 'value', value: ['a', 'b'] });
    expect(parseDefault('\'{"a b",c}\'::text[]', 'array', 'text')).toEqual({ kind: 'expression', sql: '\'{"a b",c}\'::text[]' });
    expect(parseDefault('ARRAY[now()]', 'array', 'timestamp')).toEqual({ kind: 'expression', sql: 'ARRAY[now()]' });
    expect(parseDefault("'1 day'::interval", 'native')).toEqual({ kind: 'value', value: '1 day' });
    expect(parseDefault('now()', 'timestamp')).toEqual({ kind: 'value', value: { $fn: 'now' } });
  });
});
