import { beforeAll, describe, expect, it } from 'vitest';
import { type Adapter, MigrationEngine, migration } from '@ductape/core';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/**
 * Real-server checks of what the roundTrip property's full run on MariaDB found (2026-12-07, seed
 * 20261125, `notes/runs/mariadb-full-1.txt`), run by both MySQL-family adapters: each down leaves
 * the server's own catalog (SHOW CREATE TABLE and information_schema: COLUMNS, STATISTICS,
 * CHECK_CONSTRAINTS with their names, REFERENTIAL_CONSTRAINTS with their rules) as before the up.
 */
export function fullRunSuites(target: FamilyTarget): void {
  describe(`${target.label}: roundTrip full run (MariaDB) on the real server`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: Adapter;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, adapter, engine } = session);
    });
    /** The server's catalog of `tables`, as the reliability dump reads it (`anyColumnOrder`: SHOW CREATE TABLE lines sorted). */
    async function catalog(...tables: string[]): Promise<unknown> {
      return catalogOf(tables, false);
    }
    async function catalogOf(tables: string[], anyColumnOrder: boolean): Promise<unknown> {
      const where = 'TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?)';
      const columns = await db.query(
        `SELECT TABLE_NAME AS t, COLUMN_NAME AS c, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra, COLUMN_COMMENT AS comment FROM information_schema.COLUMNS WHERE ${where} ORDER BY 1, 2`,
        [tables],
      );
      const stats = await db.query(
        `SELECT TABLE_NAME AS t, INDEX_NAME AS i, SEQ_IN_INDEX AS seq, COLUMN_NAME AS c, COLLATION AS coll, SUB_PART AS sub, NON_UNIQUE AS nonUnique FROM information_schema.STATISTICS WHERE ${where} ORDER BY 1, 2, 3`,
        [tables],
      );
      const checks = await db.query(
        'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME IN (?) ORDER BY 1, 2, 3',
        [tables],
      );
      const refs = await db.query(
        'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, REFERENCED_TABLE_NAME AS ref, UPDATE_RULE AS onUpdate, DELETE_RULE AS onDelete FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME IN (?) ORDER BY 1, 2',
        [tables],
      );
      const creates: string[] = [];
      for (const t of tables) {
        const text = await showCreate(db, t.replace(/`/g, '``'));
        creates.push(anyColumnOrder ? text.split('\n').sort().join('\n') : text);
      }
      return { columns, stats, checks, refs, creates };
    }

    it('a json or array column whose name holds a space reads back as its portable type, with no check constraint; the down of its dropField gives the catalog back', async () => {
      const m1 = migration('fr_space_create')
        .createCollection('quo`te', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'Value X', type: 'array', itemType: 'string' },
          { name: 'a  b', type: 'json', required: true },
        ])
        .build();
      const m2 = migration('fr_space_drop').dropField('quo`te', 'Value X').dropField('quo`te', 'a  b').build();
      await engine.up(m1);
      // A re-added column comes last (the model has no column order): the lines are compared sorted.
      const before = await catalogOf(['quo`te'], true);
      const read = await adapter.introspect('quo`te');
      // Before the fix: native longtext … plus checks named 'Value X' and 'a  b' (the spaces were squeezed out of the expression only).
      expect(read?.fields.slice(1)).toEqual([
        { name: 'Value X', type: 'array', itemType: 'string' },
        { name: 'a  b', type: 'json', required: true },
      ]);
      expect(read?.constraints ?? []).toEqual([]);
      await engine.up(m2);
      await engine.down(m2);
      expect(await catalogOf(['quo`te'], true)).toEqual(before);
      await engine.down(m1);
    });

    it('MariaDB server: renameField of a json/array column renames its json_valid check with it, so a rename then a dropCollection comes back as it was', async (ctx) => {
      // Both adapters on a MariaDB server (the MySQL one too: MariaDB's JSON is LONGTEXT plus the check); MySQL 8 has a JSON type.
      if (!(await db.query('SELECT VERSION() AS v'))[0]?.v?.toString().includes('MariaDB')) return ctx.skip();
      // The shape of history 86: a rename, then the table dropped; the down recreates the table (checks named after the
      // columns it has then) and renames back. Before the fix the check kept the old column's name through the rename.
      const m1 = migration('fr_json_create')
        .createCollection('notes', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'score', type: 'array', itemType: 'string', required: true },
          { name: 'doc', type: 'json', default: { a: 1 } },
        ])
        .build();
      const m2 = migration('fr_json_rename_drop').renameCollection('notes', 'select').renameField('select', 'score', 'body').renameField('select', 'doc', 'quo`te').dropCollection('select').build();
      const m3 = migration('fr_json_rename').renameField('notes', 'score', 'limit').build();
      await engine.up(m1);
      await db.query('INSERT INTO `notes` (`id`, `score`) VALUES (1, \'["x"]\')');
      const before = await catalog('notes');
      await engine.up(m3);
      const checks = await db.query(
        "SELECT CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = 'notes' ORDER BY 1",
      );
      expect(checks).toEqual([
        { name: 'doc', clause: 'json_valid(`doc`)' },
        { name: 'limit', clause: 'json_valid(`limit`)' }, // was { name: 'score', clause: 'json_valid(`limit`)' }
      ]);
      expect(await db.query("SELECT JSON_VALUE(`limit`, '$[0]') AS v FROM `notes`")).toEqual([{ v: 'x' }]);
      await engine.down(m3);
      expect(await catalog('notes')).toEqual(before);
      await engine.up(m2);
      await engine.down(m2);
      expect(await catalog('notes')).toEqual(before);
      await engine.down(m1);
    });

    it("a foreign key's NO ACTION rule reads back as written, so the down of a dropCollection recreates it (not as RESTRICT)", async () => {
      const m1 = migration('fr_fk_create')
        .createCollection('group', [{ name: 'id', type: 'integer', primaryKey: true }])
        .createCollection('people', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'from', type: 'integer', references: { table: 'group', columns: ['id'], onDelete: 'RESTRICT', onUpdate: 'NO ACTION' } },
          { name: 'Value X', type: 'integer', references: { table: 'group', columns: ['id'], onDelete: 'NO ACTION', onUpdate: 'CASCADE' } },
          { name: 'to', type: 'integer', references: { table: 'group', columns: ['id'] } },
        ])
        .build();
      const m2 = migration('fr_fk_drop').dropCollection('people').build();
      await engine.up(m1);
      // A recreated table lists its keys in the order of their names: the lines are compared sorted.
      const before = await catalogOf(['people'], true);
      const keys = (await adapter.introspect('people'))?.constraints ?? [];
      expect(keys.map((k) => (k.type === 'foreignKey' ? [k.columns[0], k.references.onDelete, k.references.onUpdate] : k.name))).toEqual([
        ['Value X', 'NO ACTION', 'CASCADE'],
        ['from', undefined, 'NO ACTION'],
        ['to', undefined, undefined],
      ]);
      await engine.up(m2);
      await engine.down(m2);
      expect(await catalogOf(['people'], true)).toEqual(before);
      await engine.down(m1);
    });

    it("a modifyField that drops a field's unique key, run again after its statement took effect (runner gone before recording it), resumes; its down gives the catalog back", async () => {
      const m1 = migration('fr_resume_create')
        .createCollection('user', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'key', type: 'integer', unique: true },
        ])
        .build();
      const m2 = migration('fr_resume_modify').addField('user', { name: 'x', type: 'integer' }).modifyField('user', 'key', { unique: false }).build();
      await engine.up(m1);
      const before = await catalog('user');
      // The second statement runs, then the runner's connection is lost before its progress is written.
      let n = 0;
      const dying = new Proxy(adapter, {
        get(t, p) {
          if (p === 'execute')
            return async (...args: Parameters<Adapter['execute']>) => {
              await t.execute(...args);
              if (++n === 2) throw new Error('connection lost after the statement');
            };
          const v = Reflect.get(t, p);
          return typeof v === 'function' ? v.bind(t) : v;
        },
      });
      await expect(new MigrationEngine(dying).up(m2)).rejects.toThrow(/connection lost/);
      // Before the fix: "Can't DROP INDEX `user_key_key`; check that it exists (errno 1091)", 1 of 2 steps applied.
      expect((await engine.up(m2)).outcome).toBe('resumed');
      expect(await showCreate(db, 'user')).not.toContain('UNIQUE KEY');
      await engine.down(m2);
      expect(await catalog('user')).toEqual(before);
      await engine.down(m1);
    });
  });
}
