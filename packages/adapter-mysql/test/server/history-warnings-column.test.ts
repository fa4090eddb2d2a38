import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationEngine, migration } from '@ductape/core';
import { MysqlAdapter } from '../../src/index.js';
import { type TempDatabase, tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

/** The history table as versions before warnings were kept made it. */
const OLD_HISTORY = `CREATE TABLE \`_ductape_migrations\` (
  \`id\` BIGINT NOT NULL AUTO_INCREMENT, \`name\` VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL, \`tag\` VARCHAR(255) NOT NULL,
  \`checksum\` CHAR(64) CHARACTER SET ascii NOT NULL, \`status\` VARCHAR(16) CHARACTER SET ascii NOT NULL, \`direction\` VARCHAR(4) CHARACTER SET ascii NOT NULL,
  \`applied_at\` DATETIME(3) NULL, \`started_at\` DATETIME(3) NOT NULL, \`execution_ms\` BIGINT NOT NULL, \`steps_applied\` INT NOT NULL,
  \`steps_total\` INT NOT NULL, \`error\` MEDIUMTEXT NULL, \`applied_by\` VARCHAR(255) NOT NULL, \`migration\` LONGTEXT NOT NULL,
  PRIMARY KEY (\`id\`), UNIQUE KEY \`name\` (\`name\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`;

// Issue 24: a history table made before warnings were kept gets the column from ensure(); its
// rows load without warnings, and a new run's warnings are stored and read back.
describe.skipIf(!url)('mysql adapter on the MariaDB server: the history warnings column (issue 24)', () => {
  let db: TempDatabase;
  let adapter: MysqlAdapter;
  beforeAll(async () => {
    db = await tempDatabase(url as string, 'mysql_hist_warn');
    await db.query(OLD_HISTORY);
    const old = migration('old_one').raw('mysql', 'SELECT 1', { down: 'SELECT 1' }).build();
    await db.query(
      "INSERT INTO `_ductape_migrations` (`name`, `tag`, `checksum`, `status`, `direction`, `applied_at`, `started_at`, `execution_ms`, `steps_applied`, `steps_total`, `error`, `applied_by`, `migration`) VALUES (?, ?, 'x', 'applied', 'up', NOW(3), NOW(3), 1, 1, 1, NULL, 'old', ?)",
      [old.name, old.tag, JSON.stringify(old)],
    );
    adapter = new MysqlAdapter({ connection: db.url, logger: false });
    await adapter.connect();
  });
  afterAll(async () => {
    await adapter?.close();
    await db?.drop();
  });

  it('the old row loads as it was; a new run records its warning; the column was added once', async () => {
    const engine = new MigrationEngine(adapter);
    await db.query('CREATE TABLE `there` (`id` INT NOT NULL PRIMARY KEY)');
    await engine.up(migration('noisy').raw('mysql', 'CREATE TABLE IF NOT EXISTS `there` (`id` INT NOT NULL PRIMARY KEY)', { down: 'SELECT 1' }).build());
    const rows = await engine.getHistory();
    expect(rows.find((r) => r.name === 'old_one')).toMatchObject({ status: 'applied' });
    expect(rows.find((r) => r.name === 'old_one')?.warnings).toBeUndefined();
    expect(rows.find((r) => r.name === 'noisy')?.warnings).toEqual([{ step: 0, summary: expect.any(String), message: "Note 1050: Table 'there' already exists" }]);
    expect((await engine.getHistoryRows()).find((r) => r.name === 'noisy')?.warnings?.length).toBe(1);
    const columns = await db.query(
      "SELECT COLUMN_NAME AS c, IS_NULLABLE AS n FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = '_ductape_migrations' AND COLUMN_NAME = 'warnings'",
    );
    expect(columns).toEqual([{ c: 'warnings', n: 'YES' }]);
  });
});
