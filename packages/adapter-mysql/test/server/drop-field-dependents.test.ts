import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { dropDependentsSuites } from '../support/drop-dependents-suites.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: dropField and rollbacks keep what hangs on a column (issue 24)', () => {
  dropDependentsSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_dropdeps'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
