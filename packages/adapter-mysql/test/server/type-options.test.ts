import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';
import { typeOptionSuites } from '../support/type-option-suites.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: type options', () => {
  typeOptionSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_types'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
