import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { findingSuites } from '../support/finding-suites.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: roundTrip findings 6, 19, 20, 21 and referencingKeys', () => {
  findingSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_findings'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
