import { describe, expect, it } from 'vitest';
import { UnsupportedOperationError, ValidationError, migration, type Migration, type Operation } from '@ductape/core';
import { compilePostgres } from '../../src/index.js';
import { addedValues } from '../../src/compile/enum-type.js';
import { extensionsNeeded } from '../../src/preflight/required-extensions.js';
import { parseType } from '../../src/introspect/parse-type.js';
import { compileAll, compileOne } from '../support/compile-helpers.js';

// Issue 25 on PostgreSQL: enum types, citext/inet/cidr/macaddr/tsvector, arrays of them,
// generated columns, and native types bound to a dialect.

/** Compiles an op that did not go through core's builder or engine (as a direct adapter.compile would). */
function compileUnbuilt(op: Operation) {
  const m = { name: 'unbuilt', tag: '20240115143052', up: [op], down: [] } as unknown as Migration;
  return compilePostgres(op, { migration: m, direction: 'up', index: 0, options: {} });
}

describe('enum types (enumType)', () => {
  const status = { type: 'enum' as const, enumValues: ['new', 'paid'], enumType: 'order_status' };

  it('createCollection makes the type first (unless it exists with these values), and the column uses it without a CHECK', () => {
    const m = migration('orders')
      .createCollection('orders', { id: { type: 'integer', primaryKey: true }, status: { ...status, default: 'new' }, legacy: { type: 'enum', enumValues: ['a'] } })
      .build();
    const [ensure, create] = compileAll(m);
    expect(ensure).toMatch(/^DO 'DECLARE found oid/);
    expect(ensure).toContain(`CREATE TYPE "public"."order_status" AS ENUM (''new'', ''paid'')`);
    expect(ensure).toContain(`labels IS DISTINCT FROM ARRAY[''new'', ''paid'']::text[]`);
    expect(create).toBe(
      'CREATE TABLE "public"."orders" (\n  "id" integer PRIMARY KEY,\n  "status" "public"."order_status" DEFAULT \'new\',\n  "legacy" text CONSTRAINT "orders_legacy_enum" CHECK ("legacy" IN (\'a\'))\n)',
    );
  });

  it("the down of the migration's createCollection or addField drops the type when unused, taking the fields from the up", () => {
    const m = migration('orders')
      .createCollection('orders', { id: { type: 'integer', primaryKey: true }, status })
      .build();
    const down = compileAll(m, 'down');
    expect(down[0]).toBe('[lock-retry] DROP TABLE "public"."orders"');
    expect(down[1]).toContain(`DROP TYPE "public"."order_status"`);
    expect(down[1]).toContain(`d.deptype = ''n''`);
    const add = migration('add').addField('orders', 'next', status).build();
    expect(compileAll(add, 'down')[1]).toContain(`DROP TYPE "public"."order_status"`);
    // A down of a plain field drops no type.
    expect(compileAll(migration('p').addField('orders', 'n', 'text').build(), 'down')).toHaveLength(1);
  });

  it('two fields naming one type with different values are refused before any IO', () => {
    const op: Operation = {
      type: 'createCollection',
      name: 't',
      fields: [
        { name: 'a', ...status },
        { name: 'b', ...status, enumValues: ['x'] },
      ],
    };
    expect(() => compileUnbuilt(op)).toThrow(ValidationError);
  });

  it('added values are ADD VALUE steps outside the transaction, placed where the new list has them', () => {
    const op: Operation = { type: 'modifyField', collection: 'orders', field: 'status', changes: { enumValues: ['draft', 'new', 'paid', 'shipped'] }, previous: { name: 'status', ...status } };
    expect(compileOne(op)).toEqual([
      `[outside-tx] ALTER TYPE "public"."order_status" ADD VALUE IF NOT EXISTS 'draft' BEFORE 'new'`,
      `[outside-tx] ALTER TYPE "public"."order_status" ADD VALUE IF NOT EXISTS 'shipped' AFTER 'paid'`,
    ]);
    expect(addedValues(['a', 'c'], ['a', 'b', 'c'])).toEqual([{ value: 'b', after: 'a' }]);
    expect(addedValues(['a', 'b'], ['b', 'a'])).toBeUndefined();
    expect(addedValues(['a', 'b'], ['a'])).toBeUndefined();
  });

  it('a removed or moved value rebuilds the type in the transaction: new type, every column converted through text with its default, old dropped, new renamed', () => {
    const op: Operation = { type: 'modifyField', collection: 'orders', field: 'status', changes: { enumValues: ['paid', 'new'] }, previous: { name: 'status', ...status } };
    const [step, ...rest] = compileOne(op);
    expect(rest).toEqual([]);
    expect(step).toMatch(/^DO 'DECLARE r record; d text; old oid/);
    expect(step).toContain(`CREATE TYPE "public"."order_status_ductape_new" AS ENUM (''paid'', ''new'')`);
    expect(step).toContain(`USING %s::text::"public"."order_status_ductape_new"`);
    expect(step).toContain(`SET DEFAULT %L`);
    expect(step).toContain(`DROP TYPE "public"."order_status";\n  ALTER TYPE "public"."order_status_ductape_new" RENAME TO "order_status"`);
  });

  it('a rebuild that also replaces the default drops it first (the rebuild keeps defaults, and the old one may hold a removed value)', () => {
    const op: Operation = { type: 'modifyField', collection: 'orders', field: 'status', changes: { enumValues: ['new'], default: 'new' }, previous: { name: 'status', ...status, default: 'paid' } };
    const steps = compileOne(op);
    expect(steps[0]).toBe('[lock-retry] ALTER TABLE "public"."orders" ALTER COLUMN "status" DROP DEFAULT');
    expect(steps[1]).toMatch(/^DO 'DECLARE r record/);
    expect(steps[2]).toBe(`[lock-retry] ALTER TABLE "public"."orders" ALTER COLUMN "status" SET DEFAULT 'new'`);
  });

  it('a CHECK enum moves to a named type (check dropped, type made, cast through text) and back (type dropped when unused, check re-added)', () => {
    const legacy = { name: 'legacy', type: 'enum' as const, enumValues: ['a', 'b'] };
    const to = compileOne({ type: 'modifyField', collection: 'orders', field: 'legacy', changes: { enumType: 'kind' }, previous: legacy }, { online: false });
    expect(to[0]).toBe('[lock-retry] ALTER TABLE "public"."orders" DROP CONSTRAINT IF EXISTS "orders_legacy_enum"');
    expect(to[1]).toContain(`CREATE TYPE "public"."kind" AS ENUM (''a'', ''b'')`);
    expect(to[2]).toBe('[lock-retry] ALTER TABLE "public"."orders" ALTER COLUMN "legacy" TYPE "public"."kind" USING "legacy"::text::"public"."kind"');
    expect(to).toHaveLength(3);
    const back = compileOne({ type: 'modifyField', collection: 'orders', field: 'legacy', changes: { enumType: null }, previous: { ...legacy, enumType: 'kind' } }, { online: false });
    expect(back[0]).toBe('[lock-retry] ALTER TABLE "public"."orders" ALTER COLUMN "legacy" TYPE text USING "legacy"::text::text');
    expect(back[1]).toContain('DROP TYPE "public"."kind"');
    expect(back[2]).toBe(`[lock-retry] ALTER TABLE "public"."orders" ADD CONSTRAINT "orders_legacy_enum" CHECK ("legacy" IN ('a', 'b'))`);
  });

  it('an array of an enum type is "<type>[]"', () => {
    const op: Operation = { type: 'addField', collection: 't', field: { name: 's', type: 'array', itemType: 'enum', enumValues: ['up'], enumType: 'state' } };
    expect(compileUnbuilt(op).map((s) => (s.kind === 'statement' ? s.text : ''))[1]).toBe('ALTER TABLE "public"."t" ADD COLUMN "s" "public"."state"[]');
  });
});

describe("PostgreSQL's own types and generated columns", () => {
  it('compile to citext, inet, cidr, macaddr, tsvector and their arrays; the citext steps name the extension', () => {
    const op: Operation = {
      type: 'createCollection',
      name: 'hosts',
      fields: [
        { name: 'email', type: 'citext' },
        { name: 'ip', type: 'inet', default: '10.0.0.1' },
        { name: 'net', type: 'cidr' },
        { name: 'mac', type: 'macaddr' },
        { name: 'doc', type: 'tsvector', generatedAs: "to_tsvector('simple', email)" },
        { name: 'ips', type: 'array', itemType: 'inet' },
        { name: 'aliases', type: 'array', itemType: 'citext' },
      ],
    };
    const [step] = compileUnbuilt(op);
    expect(step?.kind === 'statement' && step.text).toBe(
      'CREATE TABLE "public"."hosts" (\n  "email" citext,\n  "ip" inet DEFAULT \'10.0.0.1\',\n  "net" cidr,\n  "mac" macaddr,\n  "doc" tsvector GENERATED ALWAYS AS (to_tsvector(\'simple\', email)) STORED,\n  "ips" inet[],\n  "aliases" citext[]\n)',
    );
    expect(step && 'extensions' in step && step.extensions).toEqual(['citext']);
    expect(extensionsNeeded(compileUnbuilt(op))).toEqual([['citext', 'create table "public"."hosts"']]);
  });

  it('a raw CREATE EXTENSION before the step satisfies it', () => {
    const m = migration('m').raw('postgresql', 'CREATE EXTENSION IF NOT EXISTS citext').addField('users', 'email', 'citext').build();
    const steps = m.up.flatMap((op, index) => compilePostgres(op, { migration: m, direction: 'up', index, options: {} }));
    expect(extensionsNeeded(steps)).toEqual([]);
    const later = migration('m').addField('users', 'email', 'citext').raw('postgresql', 'CREATE EXTENSION citext').build();
    const laterSteps = later.up.flatMap((op, index) => compilePostgres(op, { migration: later, direction: 'up', index, options: {} }));
    expect(extensionsNeeded(laterSteps).map(([name]) => name)).toEqual(['citext']);
  });

  it('a generated column drops its expression; adding or changing one on an existing column is refused before any IO', () => {
    const previous = { name: 'doc', type: 'tsvector' as const, generatedAs: "to_tsvector('simple', email)" };
    expect(compileOne({ type: 'modifyField', collection: 'hosts', field: 'doc', changes: { generatedAs: null }, previous })).toEqual([
      '[lock-retry] ALTER TABLE "public"."hosts" ALTER COLUMN "doc" DROP EXPRESSION',
    ]);
    expect(() => compileUnbuilt({ type: 'modifyField', collection: 'hosts', field: 'doc', changes: { generatedAs: 'email::tsvector' }, previous })).toThrow(UnsupportedOperationError);
    expect(() => compileUnbuilt({ type: 'modifyField', collection: 'hosts', field: 'doc', changes: { generatedAs: 'x' }, previous: { name: 'doc', type: 'tsvector' } })).toThrow(
      /cannot make an existing column generated/,
    );
  });

  it('read back as their types (format_type text)', () => {
    for (const t of ['citext', 'inet', 'cidr', 'macaddr', 'tsvector'] as const) expect(parseType(t)).toEqual({ type: t });
    expect(parseType('inet[]')).toEqual({ type: 'array', itemType: 'inet' });
    expect(parseType('public.citext')).toEqual({ type: 'native', native: 'public.citext' });
  });
});

describe('native types bound to a dialect', () => {
  it('one for postgresql compiles; one for another database is refused by a direct compile too, naming both', () => {
    const ok: Operation = { type: 'addField', collection: 't', field: { name: 'r', type: 'native', native: 'int4range', dialect: 'postgresql' } };
    expect(compileUnbuilt(ok).map((s) => (s.kind === 'statement' ? s.text : ''))).toEqual(['ALTER TABLE "public"."t" ADD COLUMN "r" int4range']);
    const cql: Operation = { type: 'addField', collection: 't', field: { name: 'hits', type: 'native', native: 'counter', dialect: 'cassandra' } };
    expect(() => compileUnbuilt(cql)).toThrow(UnsupportedOperationError);
    expect(() => compileUnbuilt(cql)).toThrow(/"counter" declared for cassandra.*runs postgresql/);
  });
});
