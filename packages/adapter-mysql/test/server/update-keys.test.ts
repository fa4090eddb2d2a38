import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';
import { updateKeySuites } from '../support/update-key-suites.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: db.update batch keys', () => {
  updateKeySuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_keys'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
