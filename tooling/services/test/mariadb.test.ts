import * as mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// Unique per run: servers may be shared by several runs at once (developers, CI), and a run
// that was killed must not leave a name the next run trips over.
const SMOKE = `ductape_smoke_mariadb_${process.pid}_${Date.now()}`;

const url = requireServer('mariadb');

describe.skipIf(!url)('MariaDB smoke (mariadb driver)', () => {
  let connection: mariadb.Connection;
  beforeAll(async () => {
    connection = await mariadb.createConnection(url as string);
  });
  afterAll(() => connection?.end());

  it('reads the server version', async () => {
    expect(connection.serverVersion()).toMatch(/MariaDB/);
    const rows = await connection.query<{ version: string }[]>('SELECT VERSION() AS version');
    expect(rows[0]?.version).toMatch(/^\d+\.\d+.*MariaDB/);
  });

  it('creates and drops a table', async () => {
    await connection.query(`CREATE TABLE ${SMOKE} (id INT PRIMARY KEY, name VARCHAR(20))`);
    await connection.query(`INSERT INTO ${SMOKE} VALUES (?, ?)`, [1, 'one']);
    const rows = await connection.query<{ name: string }[]>(`SELECT name FROM ${SMOKE} WHERE id = ?`, [1]);
    expect(rows[0]?.name).toBe('one');
    await connection.query(`DROP TABLE ${SMOKE}`);
    const left = await connection.query<unknown[]>(`SHOW TABLES LIKE '${SMOKE}'`);
    expect(left).toHaveLength(0);
  });
});
