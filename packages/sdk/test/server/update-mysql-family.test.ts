import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { updateCheckCases } from '../support/update-checks.js';
import { bestPractices5 } from '../support/best-practices-5.js';

// db.update on MySQL and MariaDB through the sdk, on the MariaDB server (also the MySQL-dialect
// server): the spec's Best Practices 5 block verbatim, checked against the table's own rows, and
// the checks before IO. The adapters are not dependencies of the sdk: each is loaded from its
// built package in this workspace, and the rows are read with adapter-mysql's mysql2.
const serverUrl = requireServer('mariadb') as string | undefined;
const built = (pkg: string) => fileURLToPath(new URL(`../../../${pkg}/dist/index.js`, import.meta.url));

type Connection = { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> };
const mysql2 = createRequire(new URL('../../../adapter-mysql/package.json', import.meta.url))('mysql2/promise') as { createConnection(url: string): Promise<Connection> };

for (const flavor of ['mysql', 'mariadb'] as const) {
  describe.skipIf(!serverUrl)(`db.update on ${flavor} (@ductape/adapter-${flavor}, MariaDB server)`, () => {
    const name = `ductape_sdk_upd_${flavor}_${randomBytes(4).toString('hex')}`;
    const url = Object.assign(new URL(serverUrl as string), { protocol: `${flavor}:`, pathname: `/${name}` }).toString();
    let admin: Connection;
    const sql = async (text: string, params?: unknown[]) => {
      const [rows] = await admin.query(text, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    };
    const connect = async () => {
      const config: DuctapeConfig = { products: { 'my-app': { databases: { 'main-db': { adapter: built(`adapter-${flavor}`), environments: { dev: url } } } } } };
      const db = new DatabaseService({ config, vars: {} });
      await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
      return db;
    };
    beforeAll(async () => {
      admin = await mysql2.createConnection(Object.assign(new URL(serverUrl as string), { protocol: 'mysql:', pathname: '/' }).toString());
      await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.query(`USE \`${name}\``);
    });
    afterAll(async () => {
      await admin?.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin?.end();
    });

    it("runs the spec's Best Practices 5 block verbatim: every row's full_name from the database's own rows", async () => {
      const db = await connect();
      try {
        await db.schema.create('users', { id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string' });
        await sql("INSERT INTO users (id, first_name, last_name) VALUES (1, 'Ada', 'Lovelace'), (2, 'Alan', 'Turing'), (3, 'Grace', NULL)");
        await bestPractices5(db); // the spec block, verbatim (test/support/best-practices-5.ts)
        // A null part is skipped, as PostgreSQL's concat() does (MySQL's CONCAT would give null).
        expect(await sql('SELECT * FROM users ORDER BY id')).toEqual([
          { id: 1, full_name: 'Ada Lovelace' },
          { id: 2, full_name: 'Alan Turing' },
          { id: 3, full_name: 'Grace ' },
        ]);
        expect((await db.getAdapter().introspect('users'))?.fields.map((f) => f.name)).toEqual(['id', 'full_name']);
        expect(await sql('SELECT COUNT(*) AS n FROM _ductape_data_progress')).toEqual([{ n: 0 }]);
      } finally {
        await db.disconnect();
      }
    });

    updateCheckCases({
      key: 'id',
      connect,
      insert: async (_db, table, rows) => {
        for (const r of rows) await sql(`INSERT INTO \`${table}\` (id, age, name) VALUES (?, ?, ?)`, [r.id, r.age, r.name]);
      },
      read: async (_db, table) => (await sql(`SELECT id, age, name FROM \`${table}\` ORDER BY id`)).map((r) => `${r.id}:${r.age}:${r.name}`),
      // 'abcde' + '!' is 6 characters in a string(5): rows 1 and 2 fit, row 3 is refused (errno 1406, 22001).
      refused: { request: (table) => ({ table, data: { name: { $CONCAT: ['name', '!'] } } }), says: /longer than its column allows/, rowsBefore: 2 },
    });
  });
}
