import * as mariadb from 'mariadb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

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
    await connection.query('CREATE TABLE ductape_smoke_mariadb (id INT PRIMARY KEY, name VARCHAR(20))');
    await connection.query('INSERT INTO ductape_smoke_mariadb VALUES (?, ?)', [1, 'one']);
    const rows = await connection.query<{ name: string }[]>('SELECT name FROM ductape_smoke_mariadb WHERE id = ?', [1]);
    expect(rows[0]?.name).toBe('one');
    await connection.query('DROP TABLE ductape_smoke_mariadb');
    const left = await connection.query<unknown[]>("SHOW TABLES LIKE 'ductape_smoke_mariadb'");
    expect(left).toHaveLength(0);
  });
});
