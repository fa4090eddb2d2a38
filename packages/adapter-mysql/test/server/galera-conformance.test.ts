import { runAdapterConformance } from '@ductape/adapter-testkit';
import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { galeraUrls } from '../support/galera-cluster.js';
import { tempDatabase } from '../support/temp-database.js';

// The testkit's conformance on one node of the Galera cluster (`pnpm services:up galera`), where
// the adapter takes the lease lock: a crashed holder's lock ends with its lease, not its session.
const urls = galeraUrls(requireServer('galera'));

describe.skipIf(!urls)('mysql adapter on a MariaDB Galera node (lease lock)', () => {
  runAdapterConformance('mysql (mysql2) on Galera node 2', async () => {
    const db = await tempDatabase((urls as string[])[1] as string, 'galera_kit');
    return {
      newAdapter: () => new MysqlAdapter({ connection: db.url, logger: false }),
      crash: (a) => (a as MysqlAdapter).simulateCrash(),
      lockRelease: 'lease',
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
