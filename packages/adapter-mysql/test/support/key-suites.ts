import { beforeAll, describe, expect, it } from 'vitest';
import { type MigrationEngine, MigrationFailedError, migration, type Adapter } from '@ductape/core';
import { IndexKeyTooLongError } from '../../src/shared.js';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate as showCreateOf } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/**
 * Real-server checks of keys both MySQL-family adapters run (issue 16): the down of an index on a
 * foreign-key column; up→down round trips of foreign keys, checked with SHOW CREATE TABLE; index
 * keys too long refused before any IO or before their statement; portable unique key names.
 */
export function keySuites(target: FamilyTarget): void {
  describe(`${target.label}: keys on the real server`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: Adapter;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, adapter, engine } = session);
    });
    const showCreate = (table: string) => showCreateOf(db, table);
    async function indexNames(table: string): Promise<string[]> {
      const rows = await db.query('SELECT DISTINCT INDEX_NAME AS n FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [table]);
      return rows.map((r) => String(r.n)).sort();
    }
    async function historyNames(): Promise<string[]> {
      return (await engine.getHistory()).map((h) => h.name);
    }

    describe('defect 4: the down of an index on a foreign-key column', () => {
      const parents = migration('fk_parent_child')
        .createCollection('parent', { id: { type: 'integer', primaryKey: true } })
        .createCollection('child', { id: { type: 'integer', primaryKey: true }, parentId: 'integer' })
        .addConstraint('child', { name: 'fk_child_parent', type: 'foreignKey', columns: ['parentId'], references: { table: 'parent', columns: ['id'], onDelete: 'CASCADE' } })
        .build();
      const index = migration('fk_child_index').createIndex('child', 'child_parent_id', ['parentId']).build();

      it('up then down leaves SHOW CREATE TABLE exactly as before, twice over', async () => {
        await engine.up(parents);
        const before = await showCreate('child');
        expect(before).toContain('KEY `fk_child_parent` (`parentId`)');
        for (let round = 0; round < 2; round++) {
          await engine.up(index);
          expect(await indexNames('child')).toContain('child_parent_id');
          await engine.down(index); // failed with errno 1553 at step 1 before the fix
          expect(await showCreate('child')).toBe(before);
        }
        expect((await engine.getHistory()).find((h) => h.name === 'fk_child_index')?.status).not.toBe('failed');
      });

      it("a dropIndex in an up (of the index a foreign key needs) adds the key's own index back; its down restores the index", async () => {
        await db.query('CREATE TABLE `team` (`id` INT NOT NULL PRIMARY KEY)');
        await db.query('CREATE TABLE `member` (`id` INT NOT NULL PRIMARY KEY, `teamId` INT NULL, CONSTRAINT `fk_member_team` FOREIGN KEY (`teamId`) REFERENCES `team` (`id`))');
        const before = await showCreate('member');
        await db.query('ALTER TABLE `member` ADD INDEX `member_team` (`teamId`, `id`)'); // InnoDB drops its own index for the key
        const withIndex = await showCreate('member');
        expect(withIndex).not.toContain('KEY `fk_member_team`');
        const drop = migration('member_drop_index')
          .dropIndex('member', 'member_team', { previous: { name: 'member_team', fields: [{ name: 'teamId' }, { name: 'id' }] } })
          .build();
        await engine.up(drop); // errno 1553 before the fix
        expect(await showCreate('member')).toBe(before);
        await engine.down(drop);
        // The index added back is an ordinary one InnoDB would keep beside the restored index; the
        // down drops it in the same ALTER, as InnoDB drops its own (roundTrip finding 21), so the
        // table is exactly as before the up; dropping the restored index again works the same way.
        expect(await showCreate('member')).toBe(withIndex);
        await engine.up(
          migration('member_drop_again')
            .dropIndex('member', 'member_team', { previous: { name: 'member_team', fields: [{ name: 'teamId' }, { name: 'id' }] } })
            .build(),
        );
        expect(await showCreate('member')).toBe(before);
      });

      it('addConstraint and dropConstraint of a foreign key round-trip (the index InnoDB made goes and comes with it)', async () => {
        await db.query('CREATE TABLE `owner` (`id` INT NOT NULL PRIMARY KEY)');
        await db.query('CREATE TABLE `pet` (`id` INT NOT NULL PRIMARY KEY, `ownerId` INT NULL)');
        const before = await showCreate('pet');
        const add = migration('pet_fk')
          .addConstraint('pet', { name: 'fk_pet_owner', type: 'foreignKey', columns: ['ownerId'], references: { table: 'owner', columns: ['id'] } })
          .build();
        await engine.up(add);
        const withKey = await showCreate('pet');
        expect(withKey).toContain('KEY `fk_pet_owner` (`ownerId`)');
        await engine.down(add);
        expect(await showCreate('pet')).toBe(before);
        await engine.up(add);
        const previous = (await adapter.introspect('pet'))?.constraints?.find((c) => c.name === 'fk_pet_owner');
        const drop = migration('pet_fk_drop').dropConstraint('pet', 'fk_pet_owner', { previous }).build();
        await engine.up(drop);
        expect(await showCreate('pet')).toBe(before);
        await engine.down(drop);
        expect(await showCreate('pet')).toBe(withKey);
      });
    });

    describe('defect 5: an index key too long is found before IO, or before its statement', () => {
      it('refused at plan time when the migration defines the columns: no history row, no table', async () => {
        const m = migration('long_key')
          .createCollection('article', { id: { type: 'integer', primaryKey: true }, title: { type: 'string', length: 255 }, slug: 'string', body: 'text' })
          .addField('article', 'summary', 'text')
          .createIndex('article', 'ix_article_slug', ['slug'])
          .createIndex('article', 'ix_article_title_body', ['title', 'body'])
          .createIndex('article', 'ix_article_summary', ['summary'])
          .build();
        const error = await engine.up(m).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toMatchObject({ name: IndexKeyTooLongError.name });
        expect(error).toMatchObject({ code: 'DUCTAPE_VALIDATION', column: 'body', index: 'ix_article_title_body' });
        expect(await adapter.introspect('article')).toBeUndefined();
        expect(await historyNames()).not.toContain('long_key');
      });

      it('with a prefix length it runs, SHOW CREATE TABLE has the prefix, introspection reads it back, down undoes it', async () => {
        const m = migration('long_key_prefixed')
          .createCollection('article', { id: { type: 'integer', primaryKey: true }, title: { type: 'string', length: 255 }, body: 'text' })
          .createIndex('article', 'ix_article_title_body', ['title', { name: 'body', length: 100 }])
          .build();
        await engine.up(m);
        expect(await showCreate('article')).toContain('KEY `ix_article_title_body` (`title`,`body`(100))');
        expect((await adapter.introspect('article'))?.indexes).toEqual([{ name: 'ix_article_title_body', fields: [{ name: 'title' }, { name: 'body', length: 100 }] }]);
        // A restored drop recreates the prefix (dropCollection's down is a createCollection with the indexes).
        const previous = await adapter.introspect('article');
        const drop = migration('drop_article').dropCollection('article', { previous }).build();
        await engine.up(drop);
        await engine.down(drop);
        expect(await showCreate('article')).toContain('KEY `ix_article_title_body` (`title`,`body`(100))');
        await engine.down(m);
        expect(await adapter.introspect('article')).toBeUndefined();
      });

      it('a table made elsewhere: the step reads its columns and refuses before its ALTER runs', async () => {
        await db.query('CREATE TABLE `legacy_notes` (`id` INT NOT NULL PRIMARY KEY, `title` VARCHAR(255) NULL, `big` VARCHAR(1000) NULL, `body` TEXT NULL) DEFAULT CHARSET=utf8mb4');
        const m = migration('legacy_index').addField('legacy_notes', 'flag', 'boolean').createIndex('legacy_notes', 'ix_legacy_title_body', ['title', 'body']).build();
        const error = await engine.up(m).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(MigrationFailedError);
        expect(error).toMatchObject({ stepsApplied: 1, stepsTotal: 2 });
        // By name: the mariadb adapter runs the built copy of this class.
        expect((error as Error).cause).toMatchObject({ name: IndexKeyTooLongError.name });
        expect((error as Error).cause).toMatchObject({ column: 'body', suggestedLength: 513 });
        expect(await indexNames('legacy_notes')).toEqual(['PRIMARY']);
        await engine.up(m, { recover: 'compensate' }).catch(() => undefined);
        // MariaDB would silently shorten this one-column key to `big`(768): refused instead.
        const one = migration('legacy_big').createIndex('legacy_notes', 'ix_legacy_big', ['big']).build();
        const refused = await engine.up(one).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect((refused as Error).cause).toMatchObject({ column: 'big', suggestedLength: 768 });
        expect(await indexNames('legacy_notes')).toEqual(['PRIMARY']);
      });
    });

    describe("portable unique names: a field's unique key is <table>_<column>_key", () => {
      it('created with that name, read back as unique, dropped by dropConstraint written for PostgreSQL', async () => {
        const m = migration('users_unique')
          .createCollection('users', { id: { type: 'integer', primaryKey: true }, email: { type: 'string', unique: true } })
          .addField('users', 'handle', { type: 'string', length: 40, unique: true })
          .build();
        await engine.up(m);
        expect(await showCreate('users')).toContain('UNIQUE KEY `users_email_key` (`email`)');
        expect(await indexNames('users')).toEqual(['PRIMARY', 'users_email_key', 'users_handle_key']);
        const users = await adapter.introspect('users');
        expect(users?.fields.filter((f) => f.unique).map((f) => f.name)).toEqual(['email', 'handle']);
        expect(users?.indexes).toEqual([]);
        // Written as on PostgreSQL (where the engine fills `previous` from the live schema, the
        // field's key is read as a unique constraint of that name; here it is passed the same way).
        const drop = migration('users_drop_unique')
          .dropConstraint('users', 'users_email_key', { previous: { name: 'users_email_key', type: 'unique', columns: ['email'] } })
          .build();
        await engine.up(drop);
        expect(await indexNames('users')).toEqual(['PRIMARY', 'users_handle_key']);
        await engine.down(m);
      });

      it('a key an earlier version named after the column still reads as unique, and modifyField drops it', async () => {
        await db.query('CREATE TABLE `accounts` (`id` INT NOT NULL PRIMARY KEY, `login` VARCHAR(64) NULL, UNIQUE KEY `login` (`login`))');
        const previous = (await adapter.introspect('accounts'))?.fields.find((f) => f.name === 'login');
        expect(previous).toMatchObject({ unique: true });
        const m = migration('accounts_not_unique').modifyField('accounts', 'login', { unique: null }, { previous }).build();
        await engine.up(m);
        expect(await indexNames('accounts')).toEqual(['PRIMARY']);
        await engine.down(m);
        expect(await indexNames('accounts')).toEqual(['PRIMARY', 'accounts_login_key']);
      });
    });
  });
}
