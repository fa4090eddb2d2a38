import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

// Unique per run: servers may be shared by several runs at once (developers, CI), and a run
// that was killed must not leave a name the next run trips over.
const SMOKE = `ductape_smoke_mysql_${process.pid}_${Date.now()}`;

// Oracle MySQL 8 is not obtainable here: mysql2 speaks the MySQL protocol to the MariaDB server.
const url = requireServer('mysql');

describe.skipIf(!url)('MySQL protocol smoke (mysql2 against MariaDB)', () => {
  let connection: mysql.Connection;
  beforeAll(async () => {
    connection = await mysql.createConnection(url as string);
  });
  afterAll(() => connection?.end());

  it('reads the server version', async () => {
    const [rows] = await connection.query<mysql.RowDataPacket[]>('SELECT VERSION() AS version');
    expect(rows[0]?.version).toMatch(/^\d+\.\d+/);
  });

  it('creates and drops a table', async () => {
    await connection.query(`CREATE TABLE ${SMOKE} (id INT PRIMARY KEY, name VARCHAR(20))`);
    await connection.execute(`INSERT INTO ${SMOKE} VALUES (?, ?)`, [1, 'one']);
    const [rows] = await connection.execute<mysql.RowDataPacket[]>(`SELECT name FROM ${SMOKE} WHERE id = ?`, [1]);
    expect(rows[0]?.name).toBe('one');
    await connection.query(`DROP TABLE ${SMOKE}`);
    const [left] = await connection.query<mysql.RowDataPacket[]>(`SHOW TABLES LIKE '${SMOKE}'`);
    expect(left).toHaveLength(0);
  });
});
