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

    // Issue 24, "11 of 96 tables cannot be rolled back": more shapes of foreign keys and the
    // composite indexes they lean on, each applied as separate migrations and rolled back in turn.
    const owners = async (p: string) => {
      await db.query(`CREATE TABLE \`${p}_o\` (\`id\` INT NOT NULL, \`code\` INT NOT NULL, PRIMARY KEY (\`id\`), UNIQUE KEY \`${p}_o_code\` (\`code\`)) ENGINE=InnoDB`);
    };
    const fk = (name: string, columns: string[], to: string, toColumns = ['id']) => ({ name, type: 'foreignKey', columns, references: { table: to, columns: toColumns } }) as const;

    it('a table with a foreign key (migration 1), then a composite index that starts with its column (migration 2): down of 2, then of 1', async () => {
      await owners('r1');
      const create = migration('r1_create')
        .createCollection('r1_e', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'ownerId', type: 'integer' },
          { name: 'at', type: 'integer' },
        ])
        .addConstraint('r1_e', fk('r1_e_owner_fk', ['ownerId'], 'r1_o'))
        .build();
      await engine.up(create);
      const afterCreate = await showCreate('r1_e');
      // InnoDB drops the key's own index once the composite one can serve it.
      const index = migration('r1_index').createIndex('r1_e', 'r1_e_owner_at', ['ownerId', 'at']).build();
      await engine.up(index);
      await engine.down(index); // errno 1553 as written: the key's own index is built back in the same ALTER
      expect(await showCreate('r1_e')).toBe(afterCreate);
      await engine.down(create);
      expect((await db.query("SHOW TABLES LIKE 'r1_e'")).length).toBe(0);
    });

    it('the composite index first (migration 1), the foreign key after it (migration 2), which uses it: down of 2, then of 1', async () => {
      await owners('r2');
      const create = migration('r2_create')
        .createCollection('r2_e', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'ownerId', type: 'integer' },
          { name: 'at', type: 'integer' },
        ])
        .createIndex('r2_e', 'r2_e_owner_at', ['ownerId', 'at'])
        .build();
      await engine.up(create);
      const afterCreate = await showCreate('r2_e');
      const key = migration('r2_fk')
        .addConstraint('r2_e', fk('r2_e_owner_fk', ['ownerId'], 'r2_o'))
        .build();
      await engine.up(key);
      expect(await showCreate('r2_e')).not.toContain('KEY `r2_e_owner_fk`'); // no index of its own: it uses the composite one
      await engine.down(key);
      expect(await showCreate('r2_e')).toBe(afterCreate);
      await engine.down(create);
      expect((await db.query("SHOW TABLES LIKE 'r2_e'")).length).toBe(0);
    });

    it('two foreign keys served by one composite index (a, b): dropping the index (migration 2) and each key, down restores SHOW CREATE TABLE', async () => {
      await owners('r3');
      // The two-column key needs a parent with a key on (x, y).
      await db.query('CREATE TABLE `r3_p` (`x` INT NOT NULL, `y` INT NOT NULL, PRIMARY KEY (`x`, `y`)) ENGINE=InnoDB');
      await db.query(
        'CREATE TABLE `r3_e` (`id` INT NOT NULL, `a` INT NULL, `b` INT NULL, PRIMARY KEY (`id`), KEY `r3_e_a_b` (`a`, `b`), CONSTRAINT `r3_e_a_fk` FOREIGN KEY (`a`) REFERENCES `r3_o` (`id`), CONSTRAINT `r3_e_ab_fk` FOREIGN KEY (`a`, `b`) REFERENCES `r3_p` (`x`, `y`)) ENGINE=InnoDB',
      );
      const before = await showCreate('r3_e');
      const dropIndex = migration('r3_drop_index').dropIndex('r3_e', 'r3_e_a_b').build();
      await engine.up(dropIndex); // both keys need it: the keys' own indexes are built back in the same ALTER
      await engine.down(dropIndex);
      const dropKeys = migration('r3_drop_keys').dropConstraint('r3_e', 'r3_e_ab_fk').dropConstraint('r3_e', 'r3_e_a_fk').build();
      await engine.up(dropKeys);
      await engine.down(dropKeys);
      const dropA = migration('r3_drop_a').dropField('r3_e', 'a').build();
      await engine.up(dropA);
      await engine.down(dropA);
      expect(await showCreate('r3_e')).toBe(before);
    });

    it('rename of a foreign key column a composite index starts with (migration 2), then down of it, then dropField of it and down', async () => {
      await owners('r4');
      await db.query(
        'CREATE TABLE `r4_e` (`id` INT NOT NULL, `ownerId` INT NULL, `at` INT NULL, PRIMARY KEY (`id`), KEY `r4_e_owner_at` (`ownerId`, `at`), CONSTRAINT `r4_e_owner_fk` FOREIGN KEY (`ownerId`) REFERENCES `r4_o` (`id`)) ENGINE=InnoDB',
      );
      const before = await showCreate('r4_e');
      const rename = migration('r4_rename').renameField('r4_e', 'ownerId', 'owner_id').build();
      await engine.up(rename);
      expect(await showCreate('r4_e')).toContain('FOREIGN KEY (`owner_id`)');
      await engine.down(rename);
      expect(await showCreate('r4_e')).toBe(before);
      const drop = migration('r4_drop').dropField('r4_e', 'ownerId').build();
      await engine.up(drop);
      await engine.down(drop);
      expect(await showCreate('r4_e')).toBe(before);
    });
  });
}
