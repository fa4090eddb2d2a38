import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { dropDependentsSuites } from '../../../adapter-mysql/test/support/drop-dependents-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): dropField and rollbacks keep what hangs on a column (issue 24)', () => {
  dropDependentsSuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_dropdeps'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
