import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The db.update checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { dataUpdateSuites } from '../../../adapter-mysql/test/support/data-update-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): db.update', () => {
  dataUpdateSuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_update'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
