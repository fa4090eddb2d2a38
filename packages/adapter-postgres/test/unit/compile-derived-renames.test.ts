import { describe, expect, it } from 'vitest';
import type { Operation } from '@ductape/core';
import { compileOne } from '../support/compile-helpers.js';

// roundTrip findings 3, 4 and 9: the compiled form of the rule (server and PGlite tests check the catalog).
describe('renames carry the constraint names derived from them', () => {
  it('renameCollection with previous renames <table>_pkey, each unique key and each enum check after the table', () => {
    const op = {
      type: 'renameCollection',
      from: 'users',
      to: 'people',
      previous: {
        name: 'users',
        fields: [
          { name: 'id', type: 'uuid', primaryKey: true },
          { name: 'email', type: 'string', length: 100, unique: true },
          { name: 'status', type: 'enum', enumValues: ['on', 'off'] },
          { name: 'note', type: 'text' },
        ],
      },
    } as Operation;
    expect(compileOne(op)).toEqual([
      '[lock-retry] ALTER TABLE "public"."users" RENAME TO "people"',
      '[lock-retry] ALTER TABLE "public"."people" RENAME CONSTRAINT "users_pkey" TO "people_pkey"',
      '[lock-retry] ALTER TABLE "public"."people" RENAME CONSTRAINT "users_email_key" TO "people_email_key"',
      '[lock-retry] ALTER TABLE "public"."people" RENAME CONSTRAINT "users_status_enum" TO "people_status_enum"',
    ]);
  });

  it('without previous (history recorded before it existed) only the table is renamed', () => {
    expect(compileOne({ type: 'renameCollection', from: 'users', to: 'people' })).toEqual(['[lock-retry] ALTER TABLE "public"."users" RENAME TO "people"']);
    expect(compileOne({ type: 'renameField', collection: 'items', from: 'body', to: 'name' })).toEqual(['[lock-retry] ALTER TABLE "public"."items" RENAME COLUMN "body" TO "name"']);
  });

  it('renameField renames the column’s unique key and enum check', () => {
    const unique = { type: 'renameField', collection: 'codes', from: 'code', to: 'label', previous: { name: 'code', type: 'text', unique: true } } as Operation;
    expect(compileOne(unique)).toEqual([
      '[lock-retry] ALTER TABLE "public"."codes" RENAME COLUMN "code" TO "label"',
      '[lock-retry] ALTER TABLE "public"."codes" RENAME CONSTRAINT "codes_code_key" TO "codes_label_key"',
    ]);
    const enumField = { type: 'renameField', collection: 'items', from: 'body', to: 'name', previous: { name: 'body', type: 'enum', enumValues: ['a'] } } as Operation;
    expect(compileOne(enumField)).toEqual([
      '[lock-retry] ALTER TABLE "public"."items" RENAME COLUMN "body" TO "name"',
      '[lock-retry] ALTER TABLE "public"."items" RENAME CONSTRAINT "items_body_enum" TO "items_name_enum"',
    ]);
  });

  it('a primary-key field declared unique: its key is renamed only if the catalog has it', () => {
    const op = { type: 'renameField', collection: 'pairs', from: 'b', to: 'c', previous: { name: 'b', type: 'integer', primaryKey: true, unique: true } } as Operation;
    expect(compileOne(op)).toEqual([
      '[lock-retry] ALTER TABLE "public"."pairs" RENAME COLUMN "b" TO "c"',
      'DO $ductape$ BEGIN IF EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = \'"public"."pairs"\'::regclass AND conname = \'pairs_b_key\') THEN ALTER TABLE "public"."pairs" RENAME CONSTRAINT "pairs_b_key" TO "pairs_c_key"; END IF; END $ductape$',
    ]);
  });

  it('a long table name gets its primary key named by pkName (PostgreSQL would cut it its own way)', () => {
    const table = `t${'x'.repeat(59)}`;
    const [create] = compileOne({ type: 'createCollection', name: table, fields: [{ name: 'id', type: 'integer', primaryKey: true }] });
    expect(create).toMatch(/"id" integer CONSTRAINT "tx+_[0-9a-f]{8}_pkey" PRIMARY KEY/);
    expect(compileOne({ type: 'createCollection', name: 'short', fields: [{ name: 'id', type: 'integer', primaryKey: true }] })[0]).toContain('"id" integer PRIMARY KEY');
  });
});
