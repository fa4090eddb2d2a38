import { runAdapterConformance } from '@ductape/adapter-testkit';
import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter', () => {
  runAdapterConformance('mariadb (mariadb connector, MariaDB 10.11)', async () => {
    const db = await tempDatabase(url as string, 'mariadb_kit');
    return {
      newAdapter: () => new MariadbAdapter({ connection: db.url, logger: false }),
      crash: (a) => (a as MariadbAdapter).simulateCrash(),
      lockRelease: 'session',
      checkExpression: 'n > 0',
      raw: {
        dialect: 'mariadb',
        up: (t) => `ALTER TABLE \`${t}\` ADD COLUMN IF NOT EXISTS \`raw_col\` INT NULL`,
        down: (t) => `ALTER TABLE \`${t}\` DROP COLUMN IF EXISTS \`raw_col\``,
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
