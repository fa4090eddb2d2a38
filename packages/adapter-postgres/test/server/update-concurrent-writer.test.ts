import { setTimeout as sleep } from 'node:timers/promises';
import { resolveUpdate } from '@ductape/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PostgresDataAdapter } from '../../src/index.js';
import { postgresUrl } from '../support/postgres-url.js';
import { type TempDatabase, createTempDatabase } from '../support/temp-database.js';

const server = postgresUrl();

// db.update's batches read their keys without locking and the UPDATE re-checks `where` on each
// row it changes: a row an application transaction changes meanwhile is updated in its new
// version when it still matches, and left alone when it no longer does. Each row once.
describe.skipIf(!server)('PostgreSQL db.update beside an application transaction', () => {
  let db: TempDatabase;
  let adapter: PostgresDataAdapter;
  let app: pg.Client;

  beforeAll(async () => {
    db = await createTempDatabase(server!, 'upd');
    adapter = new PostgresDataAdapter({ url: db.url });
    await adapter.connect();
    app = new pg.Client({ connectionString: db.url });
    await app.connect();
    await app.query('CREATE TABLE users (id integer PRIMARY KEY, first_name text, last_name text, full_name text, counter integer NOT NULL DEFAULT 0)');
    await app.query("INSERT INTO users (id, first_name, last_name) SELECT g, 'F' || g, 'L' || g FROM generate_series(1, 300) g");
  });
  afterAll(async () => {
    await app?.end().catch(() => undefined);
    await adapter?.close().catch(() => undefined);
    await db?.drop();
  });

  it('waits for the rows the application holds, then keeps its value where it no longer matches and updates its new version where it does', async () => {
    await app.query('BEGIN');
    await app.query("UPDATE users SET full_name = 'set by the app' WHERE id = 5");
    await app.query('UPDATE users SET counter = counter + 1, first_name = $1 WHERE id = 6', ['Grace']);
    const table = await adapter.introspect('users');
    const request = resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, table!);
    const running = adapter.updateRows(request, { batchSize: 100, maxLockMs: 60_000 });
    await sleep(300); // the first batch is now waiting for rows 5 and 6
    await app.query('COMMIT');
    const result = await running;
    expect(result.rowsUpdated).toBe(299);
    const rows = (await app.query('SELECT id, full_name, counter FROM users WHERE id IN (4, 5, 6) ORDER BY id')).rows;
    expect(rows).toEqual([
      { id: 4, full_name: 'F4 L4', counter: 0 },
      { id: 5, full_name: 'set by the app', counter: 0 },
      { id: 6, full_name: 'Grace L6', counter: 1 },
    ]);
    expect((await app.query('SELECT count(*)::int AS n FROM users WHERE full_name IS NULL')).rows[0].n).toBe(0);
  });
});
