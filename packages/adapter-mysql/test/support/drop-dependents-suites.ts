import { beforeAll, describe, expect, it } from 'vitest';
import { type MigrationEngine, migration } from '@ductape/core';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate as showCreateOf } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/**
 * Issue 24, "Drops and rollbacks that keep what hangs on a column", on a real MySQL-family
 * server: a dropField takes the column's indexes, unique key, foreign keys (from it and to it) and
 * checks with it, and its down gives SHOW CREATE TABLE back exactly (column position included);
 * derived downs never fail with errno 1553.
 */
export function dropDependentsSuites(target: FamilyTarget): void {
  describe(`${target.label}: drops and rollbacks that keep what hangs on a column`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, engine } = session);
    });
    const showCreate = (table: string) => showCreateOf(db, table);

    it('dropField of a column with an index, a unique key, an outgoing foreign key and a check (no incoming key): down gives SHOW CREATE TABLE back, column position included', async () => {
      await db.query('CREATE TABLE `dd_p1` (`id` INT NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
      await db.query(
        'CREATE TABLE `dd_c1` (`id` INT NOT NULL, `pid` INT NULL, `note` VARCHAR(20) NULL, PRIMARY KEY (`id`), UNIQUE KEY `dd_c1_pid_key` (`pid`), KEY `dd_c1_pid_note` (`pid`, `note`), CONSTRAINT `dd_c1_pid_fk` FOREIGN KEY (`pid`) REFERENCES `dd_p1` (`id`), CONSTRAINT `dd_c1_pid_ck` CHECK (`pid` > 0)) ENGINE=InnoDB',
      );
      const before = [await showCreate('dd_p1'), await showCreate('dd_c1')];
      const m = migration('dd_drop_c1_pid').dropField('dd_c1', 'pid').build();
      await engine.up(m);
      expect(await showCreate('dd_c1')).not.toContain('`pid`');
      await engine.down(m);
      expect([await showCreate('dd_p1'), await showCreate('dd_c1')]).toEqual(before);
    });

    it('dropField of a column with an index, a unique key, an outgoing and an incoming foreign key and a check: down gives SHOW CREATE TABLE back, column position included', async () => {
      await db.query('CREATE TABLE `dd_parent` (`id` INT NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
      await db.query(
        'CREATE TABLE `dd_child` (`id` INT NOT NULL, `pid` INT NULL, `note` VARCHAR(20) NULL, PRIMARY KEY (`id`), UNIQUE KEY `dd_child_pid_key` (`pid`), KEY `dd_child_pid_note` (`pid`, `note`), CONSTRAINT `dd_child_pid_fk` FOREIGN KEY (`pid`) REFERENCES `dd_parent` (`id`), CONSTRAINT `dd_child_pid_ck` CHECK (`pid` > 0)) ENGINE=InnoDB',
      );
      await db.query(
        'CREATE TABLE `dd_grand` (`id` INT NOT NULL, `cpid` INT NULL, PRIMARY KEY (`id`), KEY `dd_grand_cpid` (`cpid`), CONSTRAINT `dd_grand_cpid_fk` FOREIGN KEY (`cpid`) REFERENCES `dd_child` (`pid`)) ENGINE=InnoDB',
      );
      const before = [await showCreate('dd_parent'), await showCreate('dd_child'), await showCreate('dd_grand')];
      // Without cascade: refused before any change, naming the other table's foreign key (issue 24 decision).
      const plain = migration('dd_drop_pid').dropField('dd_child', 'pid').build();
      const refused = await engine.up(plain).catch((e: unknown) => e);
      expect(refused).toMatchObject({ code: 'DUCTAPE_VALIDATION', issues: [expect.objectContaining({ code: 'referenced', message: expect.stringContaining('dd_grand.dd_grand_cpid_fk') })] });
      expect((refused as Error).message).toContain('{ cascade: true }');
      expect([await showCreate('dd_parent'), await showCreate('dd_child'), await showCreate('dd_grand')]).toEqual(before);
      expect((await engine.getHistory()).map((h) => h.name)).not.toContain('dd_drop_pid');
      // With cascade: the foreign key is dropped and recorded, and down restores it.
      const m = migration('dd_drop_pid').dropField('dd_child', 'pid', { cascade: true }).build();
      await engine.up(m);
      expect(await showCreate('dd_child')).not.toContain('`pid`');
      await engine.down(m);
      expect([await showCreate('dd_parent'), await showCreate('dd_child'), await showCreate('dd_grand')]).toEqual(before);
    });

    it('a table with a foreign key followed by a composite index that starts with its column: dropCollection and its down (errno 1553 before)', async () => {
      await db.query('CREATE TABLE `dd_owner` (`id` INT NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
      await db.query(
        'CREATE TABLE `dd_event` (`id` INT NOT NULL, `ownerId` INT NULL, `at` INT NULL, PRIMARY KEY (`id`), KEY `dd_event_owner_at` (`ownerId`, `at`), CONSTRAINT `dd_event_owner_fk` FOREIGN KEY (`ownerId`) REFERENCES `dd_owner` (`id`)) ENGINE=InnoDB',
      );
      const before = await showCreate('dd_event');
      const m = migration('dd_drop_event').dropCollection('dd_event').build();
      await engine.up(m);
      await engine.down(m);
      expect(await showCreate('dd_event')).toBe(before);
    });

    it('a migration that adds a foreign key and then a composite index that starts with its column to a table: its derived down runs and gives SHOW CREATE TABLE back', async () => {
      await db.query('CREATE TABLE `dd_o3` (`id` INT NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
      await db.query('CREATE TABLE `dd_e3` (`id` INT NOT NULL, `ownerId` INT NULL, `at` INT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB');
      const before = await showCreate('dd_e3');
      const m = migration('dd_fk_then_index')
        .addConstraint('dd_e3', { name: 'dd_e3_owner_fk', type: 'foreignKey', columns: ['ownerId'], references: { table: 'dd_o3', columns: ['id'] } })
        .createIndex('dd_e3', 'dd_e3_owner_at', ['ownerId', 'at'])
        .build();
      await engine.up(m);
      expect(await showCreate('dd_e3')).toContain('KEY `dd_e3_owner_at` (`ownerId`,`at`)');
      await engine.down(m); // dropIndex first: the foreign key needs it (errno 1553)
      expect(await showCreate('dd_e3')).toBe(before);
    });

    it('the same table created by a migration: its derived down (createCollection undone) runs', async () => {
      const m = migration('dd_create_fk_then_index')
        .createCollection('dd_o2', [{ name: 'id', type: 'integer', primaryKey: true }])
        .createCollection('dd_e2', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'ownerId', type: 'integer' },
          { name: 'at', type: 'integer' },
        ])
        .addConstraint('dd_e2', { name: 'dd_e2_owner_fk', type: 'foreignKey', columns: ['ownerId'], references: { table: 'dd_o2', columns: ['id'] } })
        .createIndex('dd_e2', 'dd_e2_owner_at', ['ownerId', 'at'])
        .build();
      await engine.up(m);
      const before = await showCreate('dd_e2');
      const drop = migration('dd_drop_owner').dropField('dd_e2', 'ownerId').build();
      await engine.up(drop);
      await engine.down(drop);
      expect(await showCreate('dd_e2')).toBe(before);
      await engine.down(m);
      expect((await db.query("SHOW TABLES LIKE 'dd_e2'")).length).toBe(0);
    });
  });
}
