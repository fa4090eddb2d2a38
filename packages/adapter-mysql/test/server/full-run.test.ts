import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { fullRunSuites } from '../support/full-run-suites.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: what the roundTrip full run found', () => {
  fullRunSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_full_run'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
