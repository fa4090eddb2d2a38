import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService } from '../../src/index.js';
import { pgAdmin, pgDatabaseName, pgServer, pgUrl } from '../support/pg-server.js';
import { configFor, sql } from '../support/postgres-target.js';
import { bestPractices5 } from '../support/best-practices-5.js';

// Issue 19 on the PostgreSQL server: the spec's Best Practices 5 block verbatim through
// @ductape/sdk, checked against the table's own rows and information_schema.
describe.skipIf(!pgServer)('the spec’s Best Practices 5 block on the PostgreSQL server, verbatim through @ductape/sdk', () => {
  const name = pgDatabaseName('ductape_sdk_bp5');
  beforeAll(() => pgAdmin(`CREATE DATABASE "${name}"`));
  afterAll(() => pgAdmin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));

  it("fills every row's full_name and drops the old columns", async () => {
    const db = new DatabaseService({ config: configFor(pgUrl(name)), vars: {} });
    await db.connect({ env: 'dev', product: 'app', database: 'main' });
    try {
      await db.schema.create('users', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string' });
      await sql(db, "INSERT INTO users (id, first_name, last_name) SELECT g, 'F' || g, CASE WHEN g % 7 = 0 THEN NULL ELSE 'L' || g END FROM generate_series(1, 12000) g");
      await bestPractices5(db); // the spec block, verbatim (test/support/best-practices-5.ts)
      expect(await sql(db, 'SELECT id, full_name FROM users WHERE id IN (1, 7, 12000) ORDER BY id')).toEqual([
        { id: 1, full_name: 'F1 L1' },
        { id: 7, full_name: 'F7 ' }, // concat() skips a NULL part
        { id: 12000, full_name: 'F12000 L12000' },
      ]);
      expect(await sql(db, 'SELECT count(*)::int AS n FROM users WHERE full_name IS NULL')).toEqual([{ n: 0 }]);
      expect(await sql(db, "SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'users' ORDER BY ordinal_position")).toEqual([
        { column_name: 'id' },
        { column_name: 'full_name' },
      ]);
      expect(await sql(db, 'SELECT count(*)::int AS n FROM _ductape_data_progress')).toEqual([{ n: 0 }]);
    } finally {
      await db.disconnect();
    }
  });
});
