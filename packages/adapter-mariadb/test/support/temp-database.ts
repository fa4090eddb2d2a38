import { randomBytes } from 'node:crypto';
import mariadb from 'mariadb';
import type { TempDatabase } from '../../../adapter-mysql/test/support/temp-database.js';

export type { TempDatabase };

/**
 * Creates `ductape_<prefix>_<random>` on the server of `serverUrl` (mariadb://…) and returns its URL.
 * @example const db = await tempDatabase(requireServer('mariadb')!, 'kit'); … await db.drop();
 */
export async function tempDatabase(serverUrl: string, prefix: string): Promise<TempDatabase> {
  const name = `ductape_${prefix}_${randomBytes(4).toString('hex')}`;
  const u = new URL(serverUrl);
  const admin = await mariadb.createConnection({
    host: u.hostname,
    port: Number(u.port || 3306),
    user: decodeURIComponent(u.username || 'root'),
    password: decodeURIComponent(u.password),
    bigIntAsNumber: true,
  });
  await admin.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await admin.query(`USE \`${name}\``);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    name,
    async query(sql, params) {
      const rows: unknown = await admin.query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    },
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await admin.end();
    },
  };
}
