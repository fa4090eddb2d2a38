import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireServer } from '../src/require-server.mjs';

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
    await connection.query('CREATE TABLE ductape_smoke_mysql (id INT PRIMARY KEY, name VARCHAR(20))');
    await connection.execute('INSERT INTO ductape_smoke_mysql VALUES (?, ?)', [1, 'one']);
    const [rows] = await connection.execute<mysql.RowDataPacket[]>('SELECT name FROM ductape_smoke_mysql WHERE id = ?', [1]);
    expect(rows[0]?.name).toBe('one');
    await connection.query('DROP TABLE ductape_smoke_mysql');
    const [left] = await connection.query<mysql.RowDataPacket[]>("SHOW TABLES LIKE 'ductape_smoke_mysql'");
    expect(left).toHaveLength(0);
  });
});
