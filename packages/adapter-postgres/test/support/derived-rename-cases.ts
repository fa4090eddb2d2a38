import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationEngine, migration } from '@ductape/core';
import { enumName, pkName, uniqueName } from '../../src/compile/derived-names.js';
import type { PostgresAdapter } from '../../src/index.js';
import { constraintNames, down, dumpCatalog, roundTrip, up } from './derived-renames.js';
import type { RunSql } from './round-trip.js';

/** What one test database gives the cases: an adapter on it, a way to run SQL, and a teardown. */
export interface DerivedRenameTarget {
  readonly adapter: PostgresAdapter;
  readonly run: RunSql;
  close(): Promise<void>;
}

const AT = new Date('2026-01-01T00:00:00Z');

/**
 * roundTrip findings 3, 4 and 9 on one PostgreSQL (server or PGlite): the constraints named after
 * a table or column (`<table>_pkey`, `<table>_<column>_key`, `<table>_<column>_enum`) follow a
 * renameCollection / renameField, so a down, or a replay, gives the exact same catalog.
 */
export function describeDerivedRenames(label: string, open: () => Promise<DerivedRenameTarget | undefined>): void {
  describe(`${label}: derived constraint names follow renames`, () => {
    let target: DerivedRenameTarget | undefined;
    let seq = 0;
    const at = (): Date => new Date(AT.getTime() + 60_000 * seq++);
    const t = (): DerivedRenameTarget => {
      if (!target) throw new Error('no target');
      return target;
    };
    beforeAll(async () => {
      target = await open();
    });
    afterAll(async () => {
      await target?.close();
    });

    it('finding 3: after renameCollection the unique key is <new>_<column>_key, dropConstraint by it works, and downs restore the catalog', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      const create = migration('f3_create')
        .at(at())
        .createCollection('notes', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'amount', type: 'bigint', unique: true },
        ])
        .build();
      await up(engine, create);
      const before = await dumpCatalog(run);
      const rename = migration('f3_rename').at(at()).renameCollection('notes', 'group').build();
      await up(engine, rename);
      expect(await constraintNames(run, 'group')).toEqual(['group_amount_key', 'group_pkey']);
      const snapshot = await adapter.introspect('group');
      expect(snapshot?.fields).toEqual([
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'amount', type: 'bigint', unique: true },
      ]);
      expect(snapshot?.constraints).toEqual([]);
      const drop = migration('f3_drop_key').at(at()).dropConstraint('group', 'group_amount_key').build();
      await up(engine, drop);
      expect(await constraintNames(run, 'group')).toEqual(['group_pkey']);
      await down(engine, drop);
      expect(await constraintNames(run, 'group')).toEqual(['group_amount_key', 'group_pkey']);
      await down(engine, rename);
      expect(await dumpCatalog(run)).toEqual(before);
      await down(engine, create);
    });

    it('finding 4: renameCollection then dropCollection (cascade) in one migration: the down brings back <old>_pkey', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      const create = migration('f4_create')
        .at(at())
        .createCollection('orders', [{ name: 'id', type: 'integer', primaryKey: true }])
        .build();
      await up(engine, create);
      const m = migration('f4_rename_drop').at(at()).renameCollection('orders', 'group').dropCollection('group', { cascade: true }).build();
      await roundTrip(adapter, run, m, async () => {
        expect((await dumpCatalog(run)).tables).toEqual([]);
      });
      expect(await constraintNames(run, 'orders')).toEqual(['orders_pkey']);
      await down(engine, create);
    });

    it('finding 9: renameField of an enum renames its check to <table>_<new>_enum; introspection reads an enum, down restores', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      const create = migration('f9_create')
        .at(at())
        .createCollection('items', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'body', type: 'enum', enumValues: ['a', 'b', 'c'], default: 'a' },
        ])
        .build();
      await up(engine, create);
      const m = migration('f9_rename').at(at()).renameField('items', 'body', 'name').build();
      await roundTrip(adapter, run, m, async () => {
        expect(await constraintNames(run, 'items')).toEqual(['items_name_enum', 'items_pkey']);
        const snapshot = await adapter.introspect('items');
        expect(snapshot?.fields.find((f) => f.name === 'name')).toEqual({ name: 'name', type: 'enum', enumValues: ['a', 'b', 'c'], default: 'a' });
        expect(snapshot?.constraints).toEqual([]);
      });
      await down(engine, create);
    });

    it('renameField of a unique field renames its key; introspection keeps unique: true', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      const create = migration('uf_create')
        .at(at())
        .createCollection('codes', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'code', type: 'string', length: 20, unique: true },
        ])
        .build();
      await up(engine, create);
      const m = migration('uf_rename').at(at()).renameField('codes', 'code', 'label').build();
      await roundTrip(adapter, run, m, async () => {
        expect(await constraintNames(run, 'codes')).toEqual(['codes_label_key', 'codes_pkey']);
        expect((await adapter.introspect('codes'))?.fields.find((f) => f.name === 'label')?.unique).toBe(true);
      });
      await down(engine, create);
    });

    it('renameCollection of a table with a primary key, a unique field and an enum field round-trips exactly', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      const fields = [
        { name: 'id', type: 'uuid', primaryKey: true },
        { name: 'email', type: 'string', length: 100, unique: true },
        { name: 'status', type: 'enum', enumValues: ['on', 'off'], default: 'on' },
      ] as const;
      const create = migration('rc_create')
        .at(at())
        .createCollection('accounts', [...fields])
        .createIndex('accounts', 'accounts_status_idx', ['status'])
        .build();
      await up(engine, create);
      const m = migration('rc_rename').at(at()).renameCollection('accounts', 'members').build();
      await roundTrip(adapter, run, m, async () => {
        const names = await constraintNames(run, 'members');
        expect(names).toEqual(['members_email_key', 'members_pkey', 'members_status_enum']);
        // The key's index is renamed with it; an index the user named keeps its name.
        expect((await dumpCatalog(run)).indexes.filter((i) => i.table === 'members').map((i) => i.name)).toEqual(['accounts_status_idx', 'members_email_key', 'members_pkey']);
        const snapshot = await adapter.introspect('members');
        expect(snapshot?.fields).toEqual([...fields]);
        expect(snapshot?.constraints).toEqual([]);
      });
      await down(engine, create);
    });

    it('long names: the renamed constraints carry the same hashed names a table created under the new name has', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      const from = `a_table_whose_name_is_long_enough_to_be_cut_${'x'.repeat(16)}`;
      const to = `another_table_whose_name_is_long_too_and_is_cut_${'y'.repeat(12)}`;
      const column = 'a_column_with_a_long_name';
      const create = migration('long_create')
        .at(at())
        .createCollection(from, [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: column, type: 'text', unique: true },
          { name: 'kind', type: 'enum', enumValues: ['a', 'b'] },
        ])
        .build();
      await up(engine, create);
      expect(await constraintNames(run, from)).toEqual([pkName(from), uniqueName(from, column), enumName(from, 'kind')].sort());
      const m = migration('long_rename').at(at()).renameCollection(from, to).build();
      await roundTrip(adapter, run, m, async () => {
        expect(await constraintNames(run, to)).toEqual([pkName(to), uniqueName(to, column), enumName(to, 'kind')].sort());
        const snapshot = await adapter.introspect(to);
        expect(snapshot?.constraints).toEqual([]);
        expect(snapshot?.fields.map((f) => [f.name, f.primaryKey ?? false, f.unique ?? false, f.type])).toEqual([
          ['id', true, false, 'integer'],
          [column, false, true, 'text'],
          ['kind', false, false, 'enum'],
        ]);
      });
      await down(engine, create);
    });

    it('a primary-key field declared unique: its key is renamed only where it exists (composite key), and a replay agrees', async () => {
      const { adapter, run } = t();
      const engine = new MigrationEngine(adapter);
      // Single key: PRIMARY KEY inline, no separate unique key; composite: pairs_b_key exists.
      const m = migration('pk_unique')
        .at(at())
        .createCollection('solo', [{ name: 'id', type: 'integer', primaryKey: true, unique: true }])
        .createCollection('pairs', [
          { name: 'a', type: 'integer', primaryKey: true },
          { name: 'b', type: 'integer', primaryKey: true, unique: true },
        ])
        .renameCollection('solo', 'single')
        .renameCollection('pairs', 'couples')
        .renameField('couples', 'b', 'c')
        .build();
      await roundTrip(adapter, run, m, async () => {
        expect(await constraintNames(run, 'single')).toEqual(['single_pkey']);
        expect(await constraintNames(run, 'couples')).toEqual(['couples_c_key', 'couples_pkey']);
      });
      expect((await dumpCatalog(run)).tables).toEqual([]);
      // The same from the live schema, one migration at a time: introspection reports c unique.
      const create = migration('pk_unique_create')
        .at(at())
        .createCollection('pairs', [
          { name: 'a', type: 'integer', primaryKey: true },
          { name: 'b', type: 'integer', primaryKey: true, unique: true },
        ])
        .build();
      await up(engine, create);
      const rename = migration('pk_unique_rename').at(at()).renameCollection('pairs', 'couples').renameField('couples', 'b', 'c').build();
      await roundTrip(adapter, run, rename, async () => {
        expect(await constraintNames(run, 'couples')).toEqual(['couples_c_key', 'couples_pkey']);
      });
      await down(engine, create);
    });

    it('a table renamed outside ductape (constraints keep their names): they are named constraints, dropped by their real name, and come back under it', async () => {
      const { adapter, run } = t();
      await run(`CREATE TABLE legacy (id integer PRIMARY KEY, code text CONSTRAINT legacy_code_key UNIQUE, kind text CONSTRAINT legacy_kind_enum CHECK (kind IN ('a', 'b')))`);
      await run('ALTER TABLE legacy RENAME TO modern');
      const snapshot = await adapter.introspect('modern');
      expect(snapshot?.fields).toEqual([
        { name: 'id', type: 'integer', required: true },
        { name: 'code', type: 'text' },
        { name: 'kind', type: 'text' },
      ]);
      expect(snapshot?.constraints?.map((c) => `${c.type} ${c.name}`)).toEqual(['unique legacy_code_key', 'check legacy_kind_enum', 'primaryKey legacy_pkey']);
      const m = migration('legacy_drop_key').at(at()).dropConstraint('modern', 'legacy_code_key').build();
      await roundTrip(adapter, run, m, async () => {
        expect(await constraintNames(run, 'modern')).toEqual(['legacy_kind_enum', 'legacy_pkey']);
      });
      const renameBack = migration('legacy_rename').at(at()).renameCollection('modern', 'legacy2').build();
      await roundTrip(adapter, run, renameBack, async () => {
        // Not derived from the table's name: nothing to rename.
        expect(await constraintNames(run, 'legacy2')).toEqual(['legacy_code_key', 'legacy_kind_enum', 'legacy_pkey']);
      });
      await run('DROP TABLE modern');
    });
  });
}
