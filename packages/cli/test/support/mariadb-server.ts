import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';

type Connection = { query(sql: string, params?: unknown[]): Promise<[unknown, unknown]>; end(): Promise<void> };
// The CLI has no MySQL driver of its own: the tests read the server with adapter-mysql's mysql2.
const mysql2 = createRequire(new URL('../../../adapter-mysql/package.json', import.meta.url))('mysql2/promise') as { createConnection(url: string): Promise<Connection> };

/** A database of its own on the MariaDB test server, and a connection to it to look at what the server did. */
export interface MariadbDatabase {
  readonly name: string;
  /** Its mariadb:// URL (what a ductape.config.json names). */
  readonly url: string;
  create(): Promise<void>;
  /** Runs `sql` in the database: its rows, or the server's error (errno and message) when it refuses it. */
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/**
 * Names a fresh database `ductape_cli_<label>_<random>` (utf8mb4) on the server of `serverUrl`;
 * `create()` in beforeAll, `drop()` in afterAll.
 * @example const db = mariadbDatabase(requireServer('mariadb'), 'lint'); beforeAll(() => db.create());
 */
export function mariadbDatabase(serverUrl: string, label: string): MariadbDatabase {
  const name = `ductape_cli_${label}_${randomBytes(4).toString('hex')}`;
  const at = (db: string, protocol: string) => Object.assign(new URL(serverUrl), { protocol, pathname: `/${db}` }).toString();
  let admin: Connection | undefined;
  const connection = async () => {
    admin ??= await mysql2.createConnection(at('', 'mysql:'));
    return admin;
  };
  return {
    name,
    url: at(name, 'mariadb:'),
    async create() {
      await (await connection()).query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    },
    async query(sql, params) {
      const c = await connection();
      await c.query(`USE \`${name}\``);
      const [rows] = await c.query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    },
    async drop() {
      const c = await connection();
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
      admin = undefined;
    },
  };
}
