import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// Unique per run: servers may be shared by several runs at once (developers, CI), and a run
// that was killed must not leave a name the next run trips over.
const SMOKE = `ductape_smoke_${process.pid}_${Date.now()}`;

const url = requireServer('postgres');

describe.skipIf(!url)('PostgreSQL smoke (pg)', () => {
  const client = new pg.Client({ connectionString: url });
  beforeAll(() => client.connect());
  afterAll(() => client.end());

  it('reads the server version', async () => {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    expect(rows[0]?.server_version).toMatch(/^\d+\.\d+/);
  });

  it('creates and drops a table', async () => {
    await client.query(`CREATE TABLE ${SMOKE} (id int PRIMARY KEY, name text)`);
    await client.query(`INSERT INTO ${SMOKE} VALUES ($1, $2)`, [1, 'one']);
    const { rows } = await client.query(`SELECT name FROM ${SMOKE} WHERE id = $1`, [1]);
    expect(rows).toEqual([{ name: 'one' }]);
    await client.query(`DROP TABLE ${SMOKE}`);
    const left = await client.query(`SELECT to_regclass('${SMOKE}') AS t`);
    expect(left.rows[0].t).toBeNull();
  });
});
