// The MySQL-dialect part of backfill, shared by ./mysql.mjs (mysql2, the MySQL adapter's driver)
// and ./mariadb.mjs (mariadb, the MariaDB adapter's driver), both on the MariaDB server of
// `pnpm services:up mariadb` (DUCTAPE_TEST_MYSQL_URL / DUCTAPE_TEST_MARIADB_URL). A fresh
// database per run, dropped afterwards.
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { loadServicesEnv } from '../../../services/src/load-env.mjs';

export const defaultRows = 1_000_000;
export const defaultBatch = 5_000;
export const goals = { ratio_vs_single_statement: 0.5, longest_batch_ms: 1000, writer_worst_ms: 200 };

const SINGLE = "UPDATE users SET full_name = CONCAT_WS(' ', first_name, last_name) WHERE full_name IS NULL";

/** A driver package resolved from the adapter that depends on it (tooling/bench does not). */
export const driverOf = (adapterPackage, name) => createRequire(new URL(`../../../../packages/${adapterPackage}/package.json`, import.meta.url))(name);

/**
 * @param {'mysql' | 'mariadb'} flavor the URL scheme, which picks the adapter
 * @param {(url: string) => Promise<{ query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[], affected: number }>, end(): Promise<void> }>} connect
 */
export async function openMysqlFamily(flavor, connect) {
  loadServicesEnv();
  const server = process.env[flavor === 'mysql' ? 'DUCTAPE_TEST_MYSQL_URL' : 'DUCTAPE_TEST_MARIADB_URL'];
  if (!server) throw new Error(`no ${flavor} server: run \`pnpm services:up mariadb\` (or set DUCTAPE_TEST_${flavor.toUpperCase()}_URL)`);
  const name = `ductape_bench_backfill_${randomBytes(3).toString('hex')}`;
  const url = (pathname) => Object.assign(new URL(server), { pathname }).toString();
  const c = await connect(url('/'));
  await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  await c.query(`USE \`${name}\``);
  const q = async (text, params) => (await c.query(text, params)).rows;
  return {
    where: `${new URL(server).host}/${name}`,
    sdk: { adapter: `@ductape/adapter-${flavor}`, url: url(`/${name}`) },
    table: 'users',
    key: 'id',
    async load(rows) {
      for (let from = 1; from <= rows; from += 5000) {
        const ids = Array.from({ length: Math.min(5000, rows - from + 1) }, (_, i) => from + i);
        await c.query(
          `INSERT INTO users (id, first_name, last_name, counter) VALUES ${ids.map(() => '(?, ?, ?, 0)').join(', ')}`,
          ids.flatMap((id) => [id, `First${id}`, `Last${id}`]),
        );
      }
      await c.query('ANALYZE TABLE users');
    },
    reset: () => c.query('UPDATE users SET full_name = NULL'),
    async openWriter() {
      const w = await connect(url(`/${name}`));
      return { write: (id) => w.query('UPDATE users SET counter = counter + 1 WHERE id = ?', [id]), close: () => w.end() };
    },
    singleStatementText: SINGLE,
    singleStatement: async () => (await c.query(SINGLE)).affected,
    loopText: 'keyset batches: the batch upper bound (max id of the next batchSize ids), then one UPDATE … WHERE id > last AND id <= bound AND full_name IS NULL, autocommit',
    async loop(batchSize) {
      let last = 0;
      let updated = 0;
      for (;;) {
        const [{ hi }] = await q('SELECT MAX(id) AS hi FROM (SELECT id FROM users WHERE id > ? ORDER BY id LIMIT ?) b', [last, batchSize]);
        if (hi === null) return updated;
        updated += (await c.query("UPDATE users SET full_name = CONCAT_WS(' ', first_name, last_name) WHERE id > ? AND id <= ? AND full_name IS NULL", [last, hi])).affected;
        last = Number(hi);
      }
    },
    remaining: async () => Number((await q('SELECT COUNT(*) AS n FROM users WHERE full_name IS NULL'))[0].n),
    fullName: async (id) => (await q('SELECT full_name FROM users WHERE id = ?', [id]))[0]?.full_name,
    async close() {
      await c.query(`DROP DATABASE IF EXISTS \`${name}\``);
      await c.end();
    },
  };
}
