// `pnpm bench sdk-backfill [rows]`: the spec's data migration (db.update with $CONCAT) on a
// 1,000,000-row table on the PostgreSQL server, with an application writer updating random
// rows meanwhile. Reports rows/s, the longest batch transaction (the longest time any row
// lock is held) and the writer's worst latency (what users feel). Goal: ≥ 50k rows/s, < 1 s.
import { DatabaseService } from '@ductape/sdk';
import pg from 'pg';
import { freshDatabase, serverUrl, where } from './server.mjs';

/** @param {string[]} args */
export async function run(args) {
  const rows = Number(args[0] ?? 1_000_000);
  const batchSize = Number(args[1] ?? 5_000);
  const server = serverUrl();
  const target = await freshDatabase(server, 'backfill');
  const setup = new pg.Client({ connectionString: target.url });
  await setup.connect();
  try {
    console.error(`seeding ${rows} rows on ${where(target.url)}…`);
    await setup.query('CREATE TABLE users (id integer PRIMARY KEY, first_name text, last_name text, full_name text)');
    await setup.query(`INSERT INTO users (id, first_name, last_name) SELECT g, 'First' || g, 'Last' || g FROM generate_series(1, $1::int) g`, [rows]);
    await setup.query('VACUUM ANALYZE users');

    const db = new DatabaseService({
      config: { products: { bench: { databases: { main: { adapter: '@ductape/adapter-postgres', environments: { bench: target.url } } } } } },
      vars: {},
    });
    await db.connect({ env: 'bench', product: 'bench', database: 'main' });

    // The application keeps writing random rows while the backfill runs.
    let writing = true;
    let worstWriteMs = 0;
    let writes = 0;
    const writer = (async () => {
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      while (writing) {
        const t0 = performance.now();
        await c.query('UPDATE users SET last_name = last_name WHERE id = $1', [1 + Math.floor(Math.random() * rows)]);
        worstWriteMs = Math.max(worstWriteMs, performance.now() - t0);
        writes++;
      }
      await c.end();
    })();

    const started = performance.now();
    // No onProgress: it would add the count taken before the first batch. The adapter times each
    // batch's transaction itself (result.longestBatchMs).
    const result = await db.update({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, { batchSize });
    const longestBatchMs = result.longestBatchMs ?? 0;
    const seconds = (performance.now() - started) / 1000;
    writing = false;
    await writer;
    const left = (await setup.query('SELECT count(*)::int AS n FROM users WHERE full_name IS NULL')).rows[0].n;
    await db.disconnect();
    if (left !== 0 || result.rowsUpdated !== rows) throw new Error(`backfill incomplete: ${result.rowsUpdated} updated, ${left} left`);
    const rowsPerSecond = Math.round(rows / seconds);
    console.error(
      `${rows} rows in ${seconds.toFixed(1)} s = ${rowsPerSecond} rows/s; ${result.batches} batches; longest batch ${longestBatchMs.toFixed(0)} ms; writer: ${writes} writes, worst ${worstWriteMs.toFixed(0)} ms`,
    );
    return {
      bench: 'sdk-backfill',
      rows,
      batch_size: batchSize,
      seconds: Number(seconds.toFixed(2)),
      rows_per_second: rowsPerSecond,
      longest_batch_ms: Math.round(longestBatchMs),
      writer_worst_latency_ms: Math.round(worstWriteMs),
      writer_writes: writes,
      goal_rows_per_second: 50_000,
      goal_longest_lock_ms: 1000,
    };
  } finally {
    await setup.end();
    await target.drop();
  }
}
