import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { updateKeySuites } from '../../../adapter-mysql/test/support/update-key-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): db.update batch keys', () => {
  updateKeySuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_keys'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
