import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { dataUpdateSuites } from '../support/data-update-suites.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: db.update', () => {
  dataUpdateSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_update'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
