import { beforeAll, describe, expect, it } from 'vitest';
import { type MigrationEngine, migration, type Adapter } from '@ductape/core';
import { ColumnNotRecreatableError } from '../../src/shared.js';
import type { FamilyTarget } from './family-suites.js';
import { serverSession, showCreate as showCreateOf } from './server-session.js';
import type { TempDatabase } from './temp-database.js';

/** Every column type the adapter reads, with the attributes the model has no option for. */
const WIDE = `CREATE TABLE \`wide\` (
  \`id\` int unsigned NOT NULL AUTO_INCREMENT,
  \`mt\` mediumtext, \`lt\` longtext, \`tt\` tinytext, \`mb\` mediumblob, \`lb\` longblob, \`tb\` tinyblob,
  \`flag\` tinyint(1) NOT NULL DEFAULT 1, \`t1u\` tinyint(1) unsigned, \`t1five\` tinyint(1) DEFAULT 5, \`t4\` tinyint DEFAULT 5, \`ti\` tinyint unsigned,
  \`yr\` year DEFAULT 2024, \`st\` set('a','b','c d') DEFAULT 'a,b', \`b1\` bit(1) DEFAULT b'1', \`b5\` bit(5),
  \`c10\` char(10) NOT NULL DEFAULT '', \`vb\` varbinary(20), \`bn\` binary(16),
  \`f73\` float(7,3) DEFAULT 1.5, \`du\` double unsigned, \`dd2\` double(10,2), \`iu\` int unsigned, \`i5\` int(5), \`mi\` mediumint,
  \`bu\` bigint unsigned DEFAULT 18446744073709551615, \`dz\` decimal(8,3) unsigned, \`big\` decimal(20,0) DEFAULT 12345678901234567890, \`dec\` decimal(10,2) DEFAULT 1.50,
  \`g\` geometry, \`p\` point, \`js\` json, \`jd\` json DEFAULT '{}',
  \`en\` enum('a b','it''s','x,y','back\\\\slash','ü') DEFAULT 'it''s',
  \`enl\` enum('x','y') CHARACTER SET latin1 COLLATE latin1_swedish_ci,
  \`lat\` varchar(50) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT 'x',
  \`bincol\` varchar(20) COLLATE utf8mb4_bin,
  \`ts\` timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  \`dt0\` datetime DEFAULT CURRENT_TIMESTAMP, \`d6\` datetime(6) NULL, \`t0\` time, \`dnow\` date DEFAULT (curdate()),
  \`fn\` varchar(10) DEFAULT (lcase('AB')),
  \`q\` varchar(20) DEFAULT 'it''s', \`qn\` varchar(20) DEFAULT 'NULL', \`txd\` text DEFAULT 'hello',
  \`cm\` int COMMENT 'a comment, with (brackets)',
  \`u\` uuid, \`c36\` char(36), \`inv\` int INVISIBLE, \`vc\` varchar(255) NOT NULL,
  \`gv\` int AS (\`iu\` * 2) VIRTUAL, \`gs\` varchar(40) AS (concat(\`q\`, '-', \`vc\`)) STORED,
  \`adflt\` int DEFAULT (\`iu\` + 1), \`rnd\` double DEFAULT (rand() * 10),
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`wide_vc_key\` (\`vc\`),
  KEY \`ix_wide_a_mt\` (\`mt\`(20)),
  KEY \`ix_wide_b_lat_i5\` (\`lat\`, \`i5\` DESC)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`;

const CATALOG = `SELECT COLUMN_NAME AS name, COLUMN_TYPE AS type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra,
  CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation, COLUMN_COMMENT AS comment
  FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY COLUMN_NAME`;

/**
 * Real-server checks of introspection (issue 16, defect 8) both MySQL-family adapters run: a table
 * of every type and attribute is dropped column by column and as a whole (previous read by the
 * engine), and each down recreates what the database's own catalog (information_schema.COLUMNS,
 * SHOW CREATE TABLE) said before, generated columns and default expressions included; a column
 * whose text a native type cannot carry (a `;`, a backslash) is refused before any IO.
 */
export function roundTripSuites(target: FamilyTarget): void {
  describe(`${target.label}: introspection round-trips on the real server`, () => {
    const session = serverSession(target);
    let db: TempDatabase;
    let adapter: Adapter;
    let engine: MigrationEngine;
    beforeAll(() => {
      ({ db, adapter, engine } = session);
    });
    const showCreate = (table: string) => showCreateOf(db, table);
    /** Each column's catalog row and its SHOW CREATE TABLE line, by name (column order aside). */
    async function columns(table: string): Promise<Record<string, unknown>> {
      const create = await showCreate(table);
      const out: Record<string, unknown> = {};
      for (const row of await db.query(CATALOG, [table])) {
        const name = String(row.name);
        out[name] = {
          ...row,
          line: create
            .split('\n')
            .map((l) => l.trim().replace(/,$/, ''))
            .find((l) => l.startsWith(`\`${name}\` `)),
        };
      }
      return out;
    }

    it('every column dropped (previous introspected by the engine) comes back identical with down', async () => {
      await db.query(WIDE);
      const before = await columns('wide');
      const snapshot = await adapter.introspect('wide');
      const names = Object.keys(before).filter((n) => n !== 'id');
      let m = migration('drop_wide_columns');
      for (const n of names) m = m.dropField('wide', n);
      const drop = m.build();
      await engine.up(drop);
      expect(Object.keys(await columns('wide'))).toEqual(['id']);
      await engine.down(drop);
      const after = await columns('wide');
      for (const n of Object.keys(before)) expect(after[n], n).toEqual(before[n]);
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      // Re-added columns come last, so compare the snapshot's fields by name.
      const again = await adapter.introspect('wide');
      expect(new Map(again?.fields.map((f) => [f.name, f]))).toEqual(new Map(snapshot?.fields.map((f) => [f.name, f])));
    });

    it('what no portable type says reads back as native, exactly; the rest as portable options', async () => {
      const fields = new Map((await adapter.introspect('wide'))?.fields.map((f) => [f.name, f]));
      // Sizes, unsigned integers and precision 0 have portable options (issue 24).
      expect(fields.get('mt')).toEqual({ name: 'mt', type: 'text', size: 'medium' });
      expect(fields.get('tb')).toEqual({ name: 'tb', type: 'blob', size: 'tiny' });
      expect(fields.get('id')).toEqual({ name: 'id', type: 'integer', unsigned: true, primaryKey: true, autoIncrement: true });
      expect(fields.get('t1u')).toEqual({ name: 't1u', type: 'native', native: 'tinyint(1) unsigned' });
      expect(fields.get('flag')).toEqual({ name: 'flag', type: 'boolean', required: true, default: true });
      expect(fields.get('t1five')).toEqual({ name: 't1five', type: 'native', native: 'tinyint(1)', default: 5 });
      expect(fields.get('st')).toEqual({ name: 'st', type: 'native', native: "set('a','b','c d')", default: 'a,b' });
      expect(fields.get('b1')).toEqual({ name: 'b1', type: 'native', native: "bit(1) DEFAULT b'1'" });
      expect(fields.get('lat')).toEqual({ name: 'lat', type: 'native', native: 'varchar(50) CHARACTER SET latin1 COLLATE latin1_swedish_ci', default: 'x' });
      expect(fields.get('ts')).toEqual({ name: 'ts', type: 'native', native: 'timestamp(3) ON UPDATE current_timestamp(3)', required: true, default: { $fn: 'now' } });
      expect(fields.get('dt0')).toEqual({ name: 'dt0', type: 'datetime', precision: 0, default: { $fn: 'now' } });
      expect(fields.get('d6')).toEqual({ name: 'd6', type: 'datetime', precision: 6 });
      expect(fields.get('cm')).toMatchObject({ type: 'native', native: expect.stringMatching(/ COMMENT 'a comment, with \(brackets\)'$/) });
      expect(fields.get('en')).toEqual({ name: 'en', type: 'enum', enumValues: ['a b', "it's", 'x,y', 'back\\slash', 'ü'], default: "it's" });
      expect(fields.get('jd')).toEqual({ name: 'jd', type: 'json', default: {} });
      expect(fields.get('vc')).toEqual({ name: 'vc', type: 'string', length: 255, required: true, unique: true });
      expect(fields.get('gv')).toEqual({ name: 'gv', type: 'native', native: 'int(11) GENERATED ALWAYS AS (`iu` * 2) VIRTUAL' });
      expect(fields.get('adflt')).toEqual({ name: 'adflt', type: 'native', native: 'int(11) DEFAULT (`iu` + 1)' });
    });

    // Indexes are recreated in the order of their names (introspection lists them so).
    it('the table dropped (snapshot introspected by the engine) comes back with the same SHOW CREATE TABLE', async () => {
      const before = await showCreate('wide');
      const catalog = await columns('wide');
      const drop = migration('drop_wide').dropCollection('wide').build();
      await engine.up(drop);
      expect(await adapter.introspect('wide')).toBeUndefined();
      await engine.down(drop);
      expect(await showCreate('wide')).toBe(before);
      expect(await columns('wide')).toEqual(catalog);
    });

    it('a column whose text a native type cannot carry: the drop is refused before any IO', async () => {
      await db.query("CREATE TABLE `odd` (`id` INT NOT NULL PRIMARY KEY, `note` INT COMMENT 'semi;colon', `st` SET('a\\\\b', 'c'), `ok` INT)");
      const before = await showCreate('odd');
      const history = (await engine.getHistory()).length;
      for (const [m, column, part] of [
        [migration('drop_note').dropField('odd', 'note').build(), 'note', 'COMMENT'],
        [migration('drop_st').dropField('odd', 'st').build(), 'st', 'type'],
        [migration('drop_odd').dropCollection('odd').build(), 'note', 'COMMENT'],
      ] as const) {
        const error = await engine.up(m).then(
          () => undefined,
          (e: unknown) => e,
        );
        // By name: the mariadb adapter runs the built copy of this class.
        expect(error, m.name).toMatchObject({ name: ColumnNotRecreatableError.name, code: 'DUCTAPE_IRREVERSIBLE', table: 'odd', column, part });
      }
      expect(await showCreate('odd')).toBe(before);
      expect((await engine.getHistory()).length).toBe(history);
      // With previous given, the author says what the down recreates: it runs.
      const plain = migration('drop_note_plain')
        .dropField('odd', 'note', { previous: { name: 'note', type: 'integer' } })
        .build();
      await engine.up(plain);
      await engine.down(plain);
      expect((await adapter.introspect('odd'))?.fields.find((f) => f.name === 'note')).toEqual({ name: 'note', type: 'integer' });
    });

    it('native fields: created, added and modified verbatim, defaults as for other columns; down undoes them', async () => {
      const m = migration('native_fields')
        .createCollection('notes', {
          id: { type: 'native', native: 'int unsigned AUTO_INCREMENT', primaryKey: true },
          body: { type: 'native', native: 'mediumtext', default: 'empty' },
          tags: { type: 'native', native: "set('red','green')", default: 'red' },
          made: { type: 'native', native: 'year', required: true, default: 2024 },
          seen: { type: 'native', native: 'timestamp(6) ON UPDATE current_timestamp(6)', required: true, default: { $fn: 'now' } },
        })
        .addField('notes', 'code', { type: 'native', native: 'char(8) CHARACTER SET ascii COLLATE ascii_bin', required: true, default: 'none' })
        .modifyField('notes', 'made', { type: 'native', native: 'smallint unsigned' }, { previous: { name: 'made', type: 'native', native: 'year', required: true, default: 2024 } })
        .build();
      await engine.up(m);
      const create = await showCreate('notes');
      expect(create).toMatch(/`id` int(\(10\))? unsigned NOT NULL AUTO_INCREMENT/);
      expect(create).toContain("`body` mediumtext DEFAULT 'empty'");
      expect(create).toContain("`tags` set('red','green') DEFAULT 'red'");
      expect(create).toMatch(/`made` smallint(\(5\))? unsigned NOT NULL DEFAULT 2024/);
      expect(create).toContain('`seen` timestamp(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE current_timestamp(6)');
      expect(create).toContain("`code` char(8) CHARACTER SET ascii COLLATE ascii_bin NOT NULL DEFAULT 'none'");
      await engine.down(m);
      expect(await adapter.introspect('notes')).toBeUndefined();
    });
  });
}
