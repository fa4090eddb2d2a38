import { afterAll, beforeAll, describe } from 'vitest';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';
import { postgresTarget } from '../support/postgres-target.js';
import { updateCheckCases } from '../support/update-checks.js';

const server = pgServer;

// Issue 16 defect 9 on the PostgreSQL server: the driver's 22P02 / 22001 never reach the caller.
describe.skipIf(!server)('db.update checks values and operators against the column types (PostgreSQL server)', () => {
  const name = pgDatabaseName('ductape_sdk_upd');
  beforeAll(() => pgAdmin(`CREATE DATABASE "${name}"`));
  afterAll(() => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
  updateCheckCases(postgresTarget(pgUrl(name)));
});
