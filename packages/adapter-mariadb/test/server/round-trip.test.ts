import { requireServer } from '@ductape/services/require-server';
import { describe } from 'vitest';
// The checks are the MySQL family's, shared with @ductape/adapter-mysql's tests.
import { renameDropSuites } from '../../../adapter-mysql/test/support/rename-drop-suites.js';
import { roundTripSuites } from '../../../adapter-mysql/test/support/round-trip-suites.js';
import { MariadbAdapter } from '../../src/index.js';
import { tempDatabase } from '../support/temp-database.js';

const url = requireServer('mariadb');

describe.skipIf(!url)('mariadb adapter (mariadb connector): introspection round trips, renames, foreign-key columns', () => {
  roundTripSuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_roundtrip'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
  renameDropSuites({
    label: 'mariadb',
    database: () => tempDatabase(url as string, 'mariadb_rename'),
    adapter: (connection, logger) => new MariadbAdapter({ connection, logger }),
  });
});
