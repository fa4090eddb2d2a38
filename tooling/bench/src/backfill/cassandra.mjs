// backfill on Cassandra (`pnpm services:up cassandra`, or DUCTAPE_TEST_CASSANDRA_HOSTS and
// DUCTAPE_TEST_CASSANDRA_DATACENTER): cassandra-driver, the adapter's driver. A fresh keyspace
// per run, dropped afterwards. There is no single statement (an UPDATE names one partition): null.
import { randomBytes } from 'node:crypto';
import { loadServicesEnv } from '../../../services/src/load-env.mjs';
import { driverOf } from './mysql-family.mjs';

export const defaultRows = 100_000;
export const defaultBatch = 1_000;
export const goals = { ratio_vs_loop: 0.9 };

const cassandra = driverOf('adapter-cassandra', 'cassandra-driver');
// The adapter's default updateConcurrency; the loop writes as many rows at a time.
const CONCURRENCY = 32;

/** Runs `work` over `items`, at most `limit` at a time. */
async function pool(items, limit, work) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export async function open() {
  loadServicesEnv();
  const hosts = process.env.DUCTAPE_TEST_CASSANDRA_HOSTS;
  if (!hosts) throw new Error('no Cassandra: run `pnpm services:up cassandra` (or set DUCTAPE_TEST_CASSANDRA_HOSTS)');
  const dc = process.env.DUCTAPE_TEST_CASSANDRA_DATACENTER ?? 'datacenter1';
  const keyspace = `bench_backfill_${randomBytes(3).toString('hex')}`;
  const table = `"${keyspace}"."users"`;
  const client = () => new cassandra.Client({ contactPoints: hosts.split(','), localDataCenter: dc });
  const c = client();
  await c.connect();
  const x = (text, params = []) => c.execute(text, params, { prepare: true });
  // Pages of every row, in token order (fetchSize rows a page).
  const eachPage = async (text, fetchSize, each) => {
    let pageState;
    do {
      const r = await c.execute(text, [], { prepare: true, fetchSize, ...(pageState ? { pageState } : {}) });
      await each(r.rows);
      pageState = r.pageState;
    } while (pageState);
  };
  return {
    where: `${hosts.split(',')[0]} ${keyspace}.users`,
    sdk: { adapter: '@ductape/adapter-cassandra', url: `cassandra://${hosts.split(',')[0]}/${keyspace}?dc=${dc}` },
    table: 'users',
    key: 'id',
    async load(rows) {
      const ids = Array.from({ length: rows }, (_, i) => i + 1);
      await pool(ids, 64, (id) => x(`INSERT INTO ${table} (id, first_name, last_name, "counter") VALUES (?, ?, ?, 0)`, [id, `First${id}`, `Last${id}`]));
    },
    // TRUNCATE and load again rather than writing null (a tombstone per row would slow the next scan).
    async reset(rows) {
      await c.execute(`TRUNCATE ${table}`);
      await this.load(rows);
    },
    async openWriter() {
      const w = client();
      await w.connect();
      let n = 0;
      return { write: (id) => w.execute(`UPDATE ${table} SET "counter" = ? WHERE id = ?`, [++n, id], { prepare: true }), close: () => w.shutdown() };
    },
    singleStatement: 'no single statement on Cassandra (an UPDATE names its partitions)',
    loopText: `pages of batchSize rows along the ring (SELECT … WHERE token(id) > token(last) LIMIT batchSize), then UPDATE … SET full_name = ? WHERE id = ? for each row whose full_name is null, ${CONCURRENCY} at a time`,
    async loop(batchSize) {
      let updated = 0;
      let last;
      for (;;) {
        const select = `SELECT id, first_name, last_name, full_name FROM ${table}`;
        const page = last === undefined ? await x(`${select} LIMIT ?`, [batchSize]) : await x(`${select} WHERE token(id) > token(?) LIMIT ?`, [last, batchSize]);
        if (page.rows.length === 0) return updated;
        const todo = page.rows.filter((r) => r.full_name === null);
        await pool(todo, CONCURRENCY, (r) => x(`UPDATE ${table} SET full_name = ? WHERE id = ?`, [`${r.first_name} ${r.last_name}`, r.id]));
        updated += todo.length;
        last = page.rows.at(-1).id;
      }
    },
    async remaining() {
      let n = 0;
      await eachPage(`SELECT full_name FROM ${table}`, 5000, (rows) => {
        n += rows.filter((r) => r.full_name === null).length;
      });
      return n;
    },
    fullName: async (id) => (await x(`SELECT full_name FROM ${table} WHERE id = ?`, [id])).rows[0]?.full_name,
    async close() {
      await c.execute(`DROP KEYSPACE IF EXISTS "${keyspace}"`).catch(() => undefined);
      await c.shutdown();
    },
  };
}
