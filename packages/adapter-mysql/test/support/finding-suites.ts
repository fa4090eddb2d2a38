import { beforeAll, describe, expect, it } from 'vitest';
import { type Adapter, type MigrationEngine, migration } from '@ductape/core';
import { CheckForeignKeyConflictError } from '../../src/shared.js';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate as showCreateOf } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/**
 * Real-server checks of the roundTrip findings of tooling/reliability (6, 19, 20, 21) and of
 * referencingKeys, run by both MySQL-family adapters: a down leaves the catalog (SHOW CREATE TABLE,
 * information_schema.STATISTICS and CHECK_CONSTRAINTS) exactly as it was before the up.
 */
export function findingSuites(target: FamilyTarget): void {
  describe(`${target.label}: roundTrip findings on the real server`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: Adapter;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, adapter, engine } = session);
    });
    const showCreate = (table: string) => showCreateOf(db, table);
    /** What the reliability dump compares, for the given tables. */
    async function catalog(...tables: string[]): Promise<unknown> {
      const stats = await db.query(
        'SELECT TABLE_NAME AS t, INDEX_NAME AS i, SEQ_IN_INDEX AS seq, COLUMN_NAME AS c, COLLATION AS coll, SUB_PART AS sub, NON_UNIQUE AS nonUnique FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME IN (?) ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX',
        [tables],
      );
      const checks = await db.query(
        'SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME IN (?) ORDER BY 1, 2',
        [tables],
      );
      const creates: string[] = [];
      for (const t of tables) creates.push(await showCreate(t));
      return { stats, checks, creates };
    }
    async function indexNames(table: string): Promise<string[]> {
      const rows = await db.query('SELECT DISTINCT INDEX_NAME AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [table]);
      return rows.map((r) => String(r.n)).sort();
    }
    async function refusal(run: Promise<unknown>): Promise<Error & { code?: string; cause?: unknown }> {
      return run.then(
        () => {
          throw new Error('expected a refusal');
        },
        (e: Error) => e,
      );
    }

    describe("finding 6: a field's unique key follows renameCollection and renameField", () => {
      it('renameCollection renames <old>_<column>_key to <new>_<column>_key; it reads back as the field’s; down gives the catalog back', async () => {
        const m1 = migration('f6_create')
          .createCollection('user', [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'body', type: 'string', length: 100, unique: true },
          ])
          .build();
        const m2 = migration('f6_rename').renameCollection('user', 'tags').build();
        await engine.up(m1);
        const before = await catalog('user');
        await engine.up(m2);
        expect(await indexNames('tags')).toEqual(['PRIMARY', 'tags_body_key']); // user_body_key before the fix
        const tags = await adapter.introspect('tags');
        expect(tags?.fields.find((f) => f.name === 'body')).toMatchObject({ unique: true });
        expect(tags?.indexes).toEqual([]);
        // Written as on PostgreSQL: the key is dropped by its portable name, and its down brings it back.
        const drop = migration('f6_drop_key').dropConstraint('tags', 'tags_body_key').build();
        await engine.up(drop);
        expect(await indexNames('tags')).toEqual(['PRIMARY']);
        await engine.down(drop);
        await engine.down(m2);
        expect(await catalog('user')).toEqual(before);
        await engine.down(m1);
      });

      it('renameField renames <table>_<old>_key to <table>_<new>_key; down gives the catalog back', async () => {
        const m1 = migration('f6_people')
          .createCollection('people', [
            { name: 'id', type: 'integer', primaryKey: true },
            { name: 'mail', type: 'string', length: 100, unique: true },
          ])
          .build();
        const m2 = migration('f6_rename_field').renameField('people', 'mail', 'email').build();
        await engine.up(m1);
        const before = await catalog('people');
        await engine.up(m2);
        expect(await indexNames('people')).toEqual(['PRIMARY', 'people_email_key']);
        expect((await adapter.introspect('people'))?.fields.find((f) => f.name === 'email')).toMatchObject({ unique: true });
        await engine.down(m2);
        expect(await catalog('people')).toEqual(before);
        await engine.down(m1);
      });

      it('a key named after the column (earlier versions) follows the column on renameField and keeps its name on renameCollection', async () => {
        await db.query('CREATE TABLE `accounts` (`id` INT NOT NULL PRIMARY KEY, `login` VARCHAR(64) NULL, UNIQUE KEY `login` (`login`))');
        const before = await catalog('accounts');
        const field = migration('f6_legacy_field').renameField('accounts', 'login', 'handle').build();
        await engine.up(field);
        expect(await indexNames('accounts')).toEqual(['PRIMARY', 'handle']);
        expect((await adapter.introspect('accounts'))?.fields.find((f) => f.name === 'handle')).toMatchObject({ unique: true });
        await engine.down(field);
        expect(await catalog('accounts')).toEqual(before);
        const table = migration('f6_legacy_table').renameCollection('accounts', 'logins').build();
        await engine.up(table);
        expect(await indexNames('logins')).toEqual(['PRIMARY', 'login']);
        await engine.down(table);
        expect(await catalog('accounts')).toEqual(before);
      });

      it('a key whose name is neither (renamed by hand) reads back as the unique index it is, under its real name, and is recreated so', async () => {
        await db.query('CREATE TABLE `stale` (`id` INT NOT NULL PRIMARY KEY, `code` VARCHAR(20) NULL, UNIQUE KEY `old_code_key` (`code`))');
        const before = await catalog('stale');
        const stale = await adapter.introspect('stale');
        expect(stale?.fields.find((f) => f.name === 'code')?.unique).toBeUndefined();
        expect(stale?.indexes).toEqual([{ name: 'old_code_key', fields: [{ name: 'code' }], unique: true }]);
        const drop = migration('f6_stale_drop').dropIndex('stale', 'old_code_key').build();
        await engine.up(drop);
        await engine.down(drop);
        expect(await catalog('stale')).toEqual(before);
      });
    });

    it('finding 19: after renameField a json/array column reads back as its portable type (MariaDB dialect: its json_valid check takes the new name; MySQL dialect on MariaDB: it keeps the old one, recognized by its expression) and down gives the catalog back', async () => {
      const m1 = migration('f19_create')
        .createCollection('t', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'tags', type: 'array', itemType: 'string' },
          { name: 'doc', type: 'json' },
        ])
        .build();
      const m2 = migration('f19_rename').renameField('t', 'tags', 'labels').renameField('t', 'doc', 'data').build();
      await engine.up(m1);
      const before = await catalog('t');
      const snapshot = await adapter.introspect('t');
      await engine.up(m2);
      const after = await adapter.introspect('t');
      const types = (s: typeof after) => s?.fields.map((f) => ({ ...f, name: undefined }));
      expect(types(after)).toEqual(types(snapshot));
      expect(after?.fields.map((f) => f.name)).toEqual(['id', 'labels', 'data']);
      expect(after?.constraints ?? []).toEqual([]);
      await engine.down(m2);
      expect(await catalog('t')).toEqual(before);
      await engine.down(m1);
    });

    describe('finding 20: a CHECK and a foreign key that changes the same column are refused before IO', () => {
      const parent = { name: 'id', type: 'integer', primaryKey: true } as const;
      async function nothingChanged(name: string): Promise<void> {
        expect((await engine.getHistory()).map((h) => h.name)).not.toContain(name);
      }

      it('both added by one migration (either order, or in one createCollection): refused at compile time, no table, no history row', async () => {
        const fk = { name: 'c20_fk', type: 'foreignKey', columns: ['pid'], references: { table: 'p20', columns: ['id'], onUpdate: 'CASCADE' } } as const;
        const ck = { name: 'c20_ck', type: 'check', expression: '`pid` >= 0' } as const;
        const cases = [
          migration('f20_a')
            .createCollection('p20', [parent])
            .createCollection('c20', [parent, { name: 'pid', type: 'integer' }])
            .addConstraint('c20', fk)
            .addConstraint('c20', ck)
            .build(),
          migration('f20_b')
            .createCollection('p20', [parent])
            .createCollection('c20', [parent, { name: 'pid', type: 'integer' }])
            .addConstraint('c20', ck)
            .addConstraint('c20', { ...fk, references: { table: 'p20', columns: ['id'], onDelete: 'SET NULL' } })
            .build(),
          migration('f20_c')
            .createCollection('p20', [parent])
            .operation({ type: 'createCollection', name: 'c20', fields: [parent, { name: 'pid', type: 'integer' }], constraints: [ck, fk] })
            .build(),
        ];
        for (const m of cases) {
          const error = await refusal(engine.up(m));
          expect(error).toMatchObject({ name: CheckForeignKeyConflictError.name, code: 'DUCTAPE_VALIDATION', table: 'c20', column: 'pid', check: 'c20_ck', foreignKey: 'c20_fk' });
          expect(error.message).toContain("dropConstraint('c20', 'c20_ck')");
          expect(await adapter.introspect('p20')).toBeUndefined();
          await nothingChanged(m.name);
        }
      });

      it('one already in the database: refused before anything is written (no change, no history row), in both directions', async () => {
        const m1 = migration('f20_live')
          .createCollection('p21', [parent])
          .createCollection('c21', [parent, { name: 'pid', type: 'integer' }, { name: 'qty', type: 'integer' }])
          .addConstraint('c21', { name: 'c21_fk', type: 'foreignKey', columns: ['pid'], references: { table: 'p21', columns: ['id'], onUpdate: 'CASCADE' } })
          .addConstraint('c21', { name: 'c21_qty_ck', type: 'check', expression: '`qty` > 0' })
          .build();
        await engine.up(m1);
        const before = await catalog('c21');
        const check = migration('f20_add_check').addField('c21', 'note', { type: 'string', length: 20 }).addConstraint('c21', { name: 'c21_pid_ck', type: 'check', expression: 'pid > 0' }).build();
        const error = await refusal(engine.up(check));
        await nothingChanged(check.name); // a failed row with 0 steps before adapter.preflight
        expect(error).toMatchObject({ name: CheckForeignKeyConflictError.name, code: 'DUCTAPE_VALIDATION', column: 'pid', check: 'c21_pid_ck', foreignKey: 'c21_fk' });
        expect(String((error.cause as Error | undefined)?.message ?? error.message)).toContain('nothing was changed');
        expect(await catalog('c21')).toEqual(before); // errno 1901 after the ADD COLUMN ran, before the fix
        const key = migration('f20_add_key')
          .addField('c21', 'other', 'integer')
          .addConstraint('c21', { name: 'c21_qty_fk', type: 'foreignKey', columns: ['qty'], references: { table: 'p21', columns: ['id'], onDelete: 'SET NULL' } })
          .build();
        const error2 = await refusal(engine.up(key));
        await nothingChanged(key.name);
        expect(error2).toMatchObject({ name: CheckForeignKeyConflictError.name, column: 'qty', check: 'c21_qty_ck', foreignKey: 'c21_qty_fk' });
        expect(await catalog('c21')).toEqual(before);
        // ON DELETE CASCADE does not change the column: the server takes it beside a check, and so do we.
        const allowed = migration('f20_allowed')
          .addConstraint('c21', { name: 'c21_qty_fk2', type: 'foreignKey', columns: ['qty'], references: { table: 'p21', columns: ['id'], onDelete: 'CASCADE' } })
          .build();
        await engine.up(allowed);
        await engine.down(allowed);
        expect(await catalog('c21')).toEqual(before);
      });
    });

    it('finding 21: the down of a dropIndex a foreign key needed leaves STATISTICS as before (no extra index named after the key)', async () => {
      const m1 = migration('f21_create')
        .createCollection('owners', [{ name: 'id', type: 'integer', primaryKey: true }])
        .createCollection('events', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'ownerId', type: 'integer' },
          { name: 'at', type: 'integer' },
        ])
        .addConstraint('events', { name: 'events_fk', type: 'foreignKey', columns: ['ownerId'], references: { table: 'owners', columns: ['id'], onUpdate: 'CASCADE', onDelete: 'RESTRICT' } })
        .build();
      const m2 = migration('f21_index').createIndex('events', 'events_ix', ['ownerId', 'at']).build();
      const m3 = migration('f21_drop_index').dropIndex('events', 'events_ix').build();
      await engine.up(m1);
      const afterM1 = await catalog('events');
      await engine.up(m2);
      const afterM2 = await catalog('events');
      await engine.up(m3);
      const afterM3 = await catalog('events');
      expect(afterM3).toEqual(afterM1);
      await engine.down(m3);
      expect(await indexNames('events')).toEqual(['PRIMARY', 'events_ix']); // events_fk stayed before the fix
      expect(await catalog('events')).toEqual(afterM2);
      await engine.down(m2);
      expect(await catalog('events')).toEqual(afterM1);
      await engine.up(m2);
      expect(await catalog('events')).toEqual(afterM2);
      await engine.up(m3);
      expect(await catalog('events')).toEqual(afterM3);
    });

    it('finding 21 (sibling): a field made unique on a foreign-key column and back leaves STATISTICS as before', async () => {
      const m1 = migration('f21b_create')
        .createCollection('teams', [{ name: 'id', type: 'integer', primaryKey: true }])
        .createCollection('players', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'teamId', type: 'integer' },
        ])
        .addConstraint('players', { name: 'players_fk', type: 'foreignKey', columns: ['teamId'], references: { table: 'teams', columns: ['id'], onUpdate: 'CASCADE', onDelete: 'RESTRICT' } })
        .build();
      const m2 = migration('f21b_unique').modifyField('players', 'teamId', { unique: true }).build();
      await engine.up(m1);
      const afterM1 = await catalog('players');
      await engine.up(m2);
      expect(await indexNames('players')).toEqual(['PRIMARY', 'players_teamId_key']);
      const afterM2 = await catalog('players');
      await engine.down(m2); // errno 1553 before the fix: the key was the foreign key's only index
      expect(await catalog('players')).toEqual(afterM1);
      await engine.up(m2);
      expect(await catalog('players')).toEqual(afterM2);
    });

    it('referencingKeys: the foreign keys of other tables that reference a table, its own self-reference left out', async () => {
      await db.query('CREATE TABLE `rk_parent` (`id` INT NOT NULL PRIMARY KEY, `up` INT NULL, CONSTRAINT `rk_self` FOREIGN KEY (`up`) REFERENCES `rk_parent` (`id`))');
      await db.query('CREATE TABLE `rk_b` (`id` INT NOT NULL PRIMARY KEY, `p` INT NULL, CONSTRAINT `rk_b_fk` FOREIGN KEY (`p`) REFERENCES `rk_parent` (`id`))');
      await db.query(
        'CREATE TABLE `rk_a` (`id` INT NOT NULL PRIMARY KEY, `p` INT NULL, `q` INT NULL, CONSTRAINT `rk_a_fk2` FOREIGN KEY (`q`) REFERENCES `rk_parent` (`id`), CONSTRAINT `rk_a_fk1` FOREIGN KEY (`p`) REFERENCES `rk_parent` (`id`))',
      );
      const keys = (adapter as Adapter & { referencingKeys(c: string): Promise<unknown> }).referencingKeys.bind(adapter);
      expect(await keys('rk_parent')).toEqual([
        { collection: 'rk_a', name: 'rk_a_fk1' },
        { collection: 'rk_a', name: 'rk_a_fk2' },
        { collection: 'rk_b', name: 'rk_b_fk' },
      ]);
      expect(await keys('rk_b')).toEqual([]);
      expect(await keys('missing')).toEqual([]);
    });
  });
}
