import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
import { MysqlAdapter } from '../../src/index.js';
import { renameDropSuites } from '../support/rename-drop-suites.js';
import { roundTripSuites } from '../support/round-trip-suites.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mysql');

describe.skipIf(!url)('mysql adapter (mysql2, MySQL 8 dialect) on the MariaDB server: introspection round trips, renames, foreign-key columns', () => {
  roundTripSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_roundtrip'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
  renameDropSuites({
    label: 'mysql',
    database: () => tempDatabase(url as string, 'mysql_rename'),
    adapter: (connection, logger) => new MysqlAdapter({ connection, logger }),
  });
});
