import { afterAll, beforeAll, describe, it } from 'vitest';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';
import { DatabaseService } from '../../src/index.js';
import { configFor } from '../support/postgres-target.js';
import { expectRefusedIntentLeavesNoRow } from '../support/schema-refusal.js';

const server = pgServer;

// Issue 16 defect 12 on the PostgreSQL server: the server refuses ADD COLUMN … NOT NULL on a
// table with rows; the refused db.schema call must leave no failed history row.
describe.skipIf(!server)('a refused db.schema call on the PostgreSQL server', () => {
  const name = pgDatabaseName('ductape_sdk_refuse');
  beforeAll(() => pgAdmin(`CREATE DATABASE "${name}"`));
  afterAll(() => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it('leaves no failed history row and changes nothing', async () => {
    const db = new DatabaseService({ config: configFor(pgUrl(name)), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    await expectRefusedIntentLeavesNoRow(db);
    await db.disconnect();
  });
});
