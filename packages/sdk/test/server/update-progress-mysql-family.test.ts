import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain .mjs module of the services tooling
import { requireServer } from '@ductape/services/require-server';
import { afterAll, beforeAll, describe } from 'vitest';
import { DatabaseService, type DuctapeConfig } from '../../src/index.js';
import { updateProgressCases } from '../support/update-progress.js';

// Issue 19: db.update's dryRun, maxLockMs and progress events on the MySQL and MariaDB adapters
// (MariaDB server, also the MySQL-dialect server), loaded from their built packages.
const serverUrl = requireServer('mariadb') as string | undefined;
const built = (pkg: string) => fileURLToPath(new URL(`../../../${pkg}/dist/index.js`, import.meta.url));

type Connection = { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> };
const mysql2 = createRequire(new URL('../../../adapter-mysql/package.json', import.meta.url))('mysql2/promise') as { createConnection(url: string): Promise<Connection> };

for (const flavor of ['mysql', 'mariadb'] as const) {
  describe.skipIf(!serverUrl)(`db.update dryRun, maxLockMs and progress on ${flavor} (MariaDB server)`, () => {
    const name = `ductape_sdk_prog_${flavor}_${randomBytes(4).toString('hex')}`;
    const url = Object.assign(new URL(serverUrl as string), { protocol: `${flavor}:`, pathname: `/${name}` }).toString();
    let admin: Connection;
    const sql = async (text: string, params?: unknown[]) => {
      const [rows] = await admin.query(text, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
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
    updateProgressCases({
      key: 'id',
      total: 'matching',
      connect: async () => {
        const config: DuctapeConfig = { products: { app: { databases: { main: { adapter: built(`adapter-${flavor}`), environments: { dev: url } } } } } };
        const db = new DatabaseService({ config, vars: {} });
        await db.connect({ env: 'dev', product: 'app', database: 'main' });
        return db;
      },
      insert: async (_db, table, rows) => {
        await sql(
          `INSERT INTO \`${table}\` (id, age, name) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
          rows.flatMap((r) => [r.id, r.age, r.name]),
        );
      },
      read: async (_db, table) => (await sql(`SELECT id, age, name FROM \`${table}\` ORDER BY id`)).map((r) => `${r.id}:${r.age}:${r.name}`),
    });
  });
}
