import { runAdapterConformance } from '@ductape/adapter-testkit';
import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

// Oracle MySQL 8 is not obtainable here: mysql2 speaks the MySQL protocol to the MariaDB server,
// and the adapter compiles MySQL 8 SQL (CHAR(36) uuids, JSON) for it.
const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter on the MariaDB server', () => {
  runAdapterConformance('mysql (mysql2, MySQL 8 SQL on MariaDB)', async () => {
    const db = await tempDatabase(url as string, 'mysql_kit');
    return {
      newAdapter: () => new MysqlAdapter({ connection: db.url, logger: false }),
      crash: (a) => (a as MysqlAdapter).simulateCrash(),
      lockRelease: 'session',
      checkExpression: 'n > 0',
      raw: {
        dialect: 'mysql',
        up: (t) => `ALTER TABLE \`${t}\` ADD COLUMN \`raw_col\` INT NULL`,
        down: (t) => `ALTER TABLE \`${t}\` DROP COLUMN \`raw_col\``,
        failing: 'SELECT * FROM `no_such_table_anywhere`',
      },
      badFields: [
        { name: 'too_fine', type: 'datetime', precision: 7 },
        { name: 'not_a_date', type: 'integer', default: { $fn: 'now' } },
      ],
      teardown: () => db.drop(),
    };
  });
});
