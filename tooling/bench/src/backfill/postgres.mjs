// backfill on PostgreSQL (`pnpm services:up postgres`, or DUCTAPE_TEST_POSTGRES_URL): pg, the
// driver the adapter uses. A fresh database per run, dropped afterwards.
import pg from 'pg';
import { freshDatabase, serverUrl, where } from '../server.mjs';

export const defaultRows = 1_000_000;
export const defaultBatch = 5_000;
export const goals = { rows_per_s: 100_000, ratio_vs_loop: 1.0, ratio_vs_single_statement: 0.5, longest_batch_ms: 1000, writer_worst_ms: 200 };

const SINGLE = "UPDATE users SET full_name = first_name || ' ' || last_name WHERE full_name IS NULL";

export async function open() {
  const db = await freshDatabase(serverUrl(), 'backfill');
  const c = new pg.Client({ connectionString: db.url });
  await c.connect();
  const q = async (text, params) => (await c.query(text, params)).rows;
  return {
    where: where(db.url),
    sdk: { adapter: '@ductape/adapter-postgres', url: db.url },
    table: 'users',
    key: 'id',
    async load(rows) {
      await q("INSERT INTO users (id, first_name, last_name, counter) SELECT g, 'First' || g, 'Last' || g, 0 FROM generate_series(1, $1::int) g", [rows]);
      await q('VACUUM ANALYZE users');
    },
    async reset() {
      await q('UPDATE users SET full_name = NULL');
      await q('VACUUM ANALYZE users');
    },
    async openWriter() {
      const w = new pg.Client({ connectionString: db.url });
      await w.connect();
      return { write: (id) => w.query('UPDATE users SET counter = counter + 1 WHERE id = $1', [id]), close: () => w.end() };
    },
    singleStatementText: SINGLE,
    singleStatement: async () => (await c.query(SINGLE)).rowCount,
    loopText: 'keyset batches: the batch upper bound (max id of the next batchSize ids), then one UPDATE … WHERE id > last AND id <= bound AND full_name IS NULL, autocommit',
    async loop(batchSize) {
      let last = 0;
      let updated = 0;
      for (;;) {
        const [{ hi }] = await q('SELECT max(id) AS hi FROM (SELECT id FROM users WHERE id > $1 ORDER BY id LIMIT $2) b', [last, batchSize]);
        if (hi === null) return updated;
        updated += (await c.query("UPDATE users SET full_name = first_name || ' ' || last_name WHERE id > $1 AND id <= $2 AND full_name IS NULL", [last, hi])).rowCount;
        last = hi;
      }
    },
    remaining: async () => (await q('SELECT count(*)::int AS n FROM users WHERE full_name IS NULL'))[0].n,
    fullName: async (id) => (await q('SELECT full_name FROM users WHERE id = $1', [id]))[0]?.full_name,
    async close() {
      await c.end();
      await db.drop();
    },
  };
}
