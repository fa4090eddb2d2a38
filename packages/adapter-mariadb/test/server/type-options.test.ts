import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { typeOptionSuites } from '../../../adapter-mysql/test/support/type-option-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): type options', () => {
  typeOptionSuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_types'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
