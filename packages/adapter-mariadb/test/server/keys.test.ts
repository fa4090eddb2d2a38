import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The key checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { keySuites } from '../../../adapter-mysql/test/support/key-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): keys', () => {
  keySuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_keys'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
