import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { familySuites } from '../support/family-suites.js';
import { settleSuite } from '../support/settle-suite.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2) on the MariaDB server', () => {
  familySuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_family'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
  settleSuite({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_settle'),
    adapter: (connection, logger, extra) => new MysqlAdapter({ connection, logger, ...extra }),
  });
});
