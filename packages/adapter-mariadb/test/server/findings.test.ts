import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { findingSuites } from '../../../adapter-mysql/test/support/finding-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): roundTrip findings 6, 19, 20, 21 and referencingKeys', () => {
  findingSuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_findings'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
