// `pnpm bench backfill --db <postgres|mysql|mariadb|mongo|dynamo|cassandra> [--rows N] [--batch N] [--writer-pause-ms N] [--rounds N]`
// (issue 19). Loads N rows of users(id, first_name, last_name, full_name NULL, counter) on a fresh
// database of the chosen server, then, while an application writer updates random rows in a loop
// (each write's latency recorded), runs in turn, resetting full_name to NULL before each, in
// `--rounds` rounds (default 3) whose order rotates, figures being the medians over the rounds:
//   1. ours: the spec's data migration through @ductape/sdk, db.update with $CONCAT where full_name is null;
//   2. the floor: the database's own single statement (null where the database has none);
//   3. the peer: a hand-written keyset-batch loop with the raw driver, same batch size.
// Each database's driver code is in ./backfill/<db>.mjs (the same exports in every file). Progress on
// stderr; the last stdout line is one JSON object (run.mjs prints it).
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { DatabaseService } from '@ductape/sdk';

const databases = ['postgres', 'mysql', 'mariadb', 'mongo', 'dynamo', 'cassandra'];

/** @param {string[]} args */
export async function run(args) {
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const dbName = opt('db');
  if (!databases.includes(dbName ?? '')) throw new Error(`usage: pnpm bench backfill --db <${databases.join('|')}> [--rows N] [--batch N] [--writer-pause-ms N] [--rounds N]`);
  const driver = await import(`./backfill/${dbName}.mjs`);
  const rows = Number(opt('rows') ?? driver.defaultRows);
  const batchSize = Number(opt('batch') ?? driver.defaultBatch);
  // 0 (the default): the writer writes back to back, as sdk-backfill did.
  const writerPauseMs = Number(opt('writer-pause-ms') ?? 0);
  const rounds = Number(opt('rounds') ?? 3);
  if (!(Number.isInteger(rounds) && rounds > 0)) throw new Error('--rounds takes a positive integer');
  if (!(Number.isInteger(rows) && rows > 0 && Number.isInteger(batchSize) && batchSize > 0)) throw new Error('--rows and --batch take positive integers');
  if (!(Number.isFinite(writerPauseMs) && writerPauseMs >= 0)) throw new Error('--writer-pause-ms takes a number of milliseconds ≥ 0');

  const target = await driver.open();
  const log = (line) => console.error(`[backfill ${dbName}] ${line}`);
  try {
    log(`${target.where}: ${rows} rows${opt('rows') ? '' : ` (the default on ${dbName})`}, batch ${batchSize}`);
    const db = new DatabaseService({
      config: { products: { bench: { databases: { main: { adapter: target.sdk.adapter, environments: { bench: target.sdk.url }, options: target.sdk.options ?? {} } } } } },
      vars: {},
    });
    await db.connect({ env: 'bench', product: 'bench', database: 'main' });
    try {
      // The table through the sdk (so its adapter knows the columns), the rows through the raw driver.
      await db.schema.create(target.table, {
        [target.key]: { type: 'integer', primaryKey: true },
        first_name: { type: 'string', length: 50 },
        last_name: { type: 'string', length: 50 },
        full_name: { type: 'string', length: 120, nullable: true },
        counter: 'integer',
      });
      let t0 = performance.now();
      await target.load(rows);
      log(`loaded in ${seconds(t0)} s`);

      const contenders = {};
      const problems = [];
      const timed = async (label, work) => {
        const writer = await startWriter(target, rows, writerPauseMs);
        let updated;
        let secs;
        let latency;
        try {
          const t = performance.now();
          updated = await work();
          secs = (performance.now() - t) / 1000;
        } finally {
          latency = await writer.stop();
        }
        const left = await target.remaining();
        const sample = await target.fullName(1 + Math.floor(rows / 2));
        const expected = `First${1 + Math.floor(rows / 2)} Last${1 + Math.floor(rows / 2)}`;
        if (left !== 0 || sample !== expected) {
          // Not thrown: the figures still print, marked, and the process exits 1.
          problems.push(
            `${label}: ${left} rows left with full_name null after it finished (it reported ${updated} updated); sample row ${JSON.stringify(sample)}, expected ${JSON.stringify(expected)}`,
          );
          log(`WRONG: ${problems.at(-1)}`);
        }
        const figures = { seconds: round(secs, 2), rows_per_s: Math.round(rows / secs), rows_updated: updated, rows_left_null: left, ...latency };
        log(
          `${label}: ${rows} rows in ${figures.seconds} s = ${figures.rows_per_s} rows/s; writer ${latency.writer_writes} writes, p99 ${latency.writer_p99_ms} ms, worst ${latency.writer_worst_ms} ms`,
        );
        return figures;
      };
      const reset = async () => {
        t0 = performance.now();
        await target.reset(rows);
        log(`full_name reset to NULL in ${seconds(t0)} s`);
      };

      // A warm-up pass of the hand-written loop, not counted: whoever went first paid for the
      // server's and the JIT's warm-up (on Cassandra 30,000 rows: 1.7 s for the loop first, 1.1 s
      // third). Then every contender starts from a reset table, ours too: a freshly loaded table
      // has no free space on its pages, so its updates cannot stay on the page (PostgreSQL's HOT
      // updates) and cost more than on the reset table the other two get.
      t0 = performance.now();
      await target.loop(batchSize);
      log(`warm-up pass (the loop, not counted) in ${seconds(t0)} s`);

      // Each round runs every contender once, from a reset table, in an order that rotates from
      // round to round (a table reset again and again changes under the later ones); the figures
      // are the medians over the rounds.
      const runs = {
        // ours. No onProgress: it would add a count before the first batch; the adapter times each batch.
        ductape: async () => {
          const result = await db.update({ table: target.table, data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, { batchSize });
          if (result.rowsUpdated !== rows) problems.push(`db.update reported ${result.rowsUpdated} rows updated of ${rows}`);
          return { updated: result.rowsUpdated, extra: { batches: result.batches, longest_batch_ms: Math.round(result.longestBatchMs ?? 0) } };
        },
        // the floor
        ...(typeof target.singleStatement === 'function' ? { single_statement: async () => ({ updated: await target.singleStatement(), extra: { statement: target.singleStatementText } }) } : {}),
        // the peer
        loop: async () => ({ updated: await target.loop(batchSize), extra: { description: target.loopText } }),
      };
      if (typeof target.singleStatement !== 'function') log(`single statement: ${target.singleStatement}`);
      const labels = Object.keys(runs);
      const perRound = Object.fromEntries(labels.map((l) => [l, []]));
      for (let r = 0; r < rounds; r++) {
        const order = labels.map((_, i) => labels[(i + r) % labels.length]);
        log(`round ${r + 1} of ${rounds}: ${order.join(', ')}`);
        for (const label of order) {
          await reset();
          let extra;
          const figures = await timed(label, async () => {
            const out = await runs[label]();
            extra = out.extra;
            return out.updated;
          });
          perRound[label].push({ ...figures, ...extra });
        }
      }
      for (const label of labels) contenders[label] = summary(perRound[label]);
      const ours = contenders.ductape;
      const single = contenders.single_statement ?? null;
      const loop = contenders.loop;

      if (problems.length > 0) process.exitCode = 1;
      return {
        bench: 'backfill',
        ok: problems.length === 0,
        problems,
        db: dbName,
        rows,
        rows_default: driver.defaultRows,
        batch_size: batchSize,
        writer_pause_ms: writerPauseMs,
        rows_per_s: ours.rows_per_s,
        ratio_vs_loop: round(ours.rows_per_s / loop.rows_per_s, 2),
        ratio_vs_single_statement: single ? round(ours.rows_per_s / single.rows_per_s, 2) : null,
        single_statement_rows_per_s: single?.rows_per_s ?? null,
        single_statement_note: single ? null : target.singleStatement,
        loop_rows_per_s: loop.rows_per_s,
        rounds,
        longest_batch_ms: contenders.ductape.longest_batch_ms,
        writer_worst_ms: ours.writer_worst_ms,
        writer_p99_ms: ours.writer_p99_ms,
        contenders,
        load_average: loadavg().map((x) => round(x, 2)),
        goals: driver.goals,
      };
    } finally {
      await db.disconnect();
    }
  } finally {
    await target.close();
  }
}

/**
 * The application: updates random rows one at a time, on its own connection (open when this
 * resolves), until stopped.
 * @returns {Promise<{ stop: () => Promise<{ writer_writes: number, writer_p99_ms: number, writer_worst_ms: number }> }>}
 */
async function startWriter(target, rows, pauseMs) {
  let writing = true;
  const latencies = [];
  const w = await target.openWriter();
  const done = (async () => {
    try {
      while (writing) {
        const t0 = performance.now();
        await w.write(1 + Math.floor(Math.random() * rows));
        latencies.push(performance.now() - t0);
        if (pauseMs > 0) await sleep(pauseMs);
      }
    } finally {
      await w.close();
    }
  })();
  return {
    async stop() {
      writing = false;
      await done;
      const sorted = latencies.sort((a, b) => a - b);
      const at = (q) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : 0);
      return { writer_writes: sorted.length, writer_p99_ms: round(at(0.99), 1), writer_worst_ms: round(sorted.at(-1) ?? 0, 1) };
    },
  };
}

/**
 * One contender's figures over the rounds: the median of rows/s and p99 (the round with the
 * median rows/s gives its seconds), the worst of the worst cases, and every round's figures.
 */
function summary(rounds) {
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  const mid = median(rounds.map((r) => r.rows_per_s));
  const at = rounds.find((r) => r.rows_per_s === mid);
  const out = { ...at, rows_per_s: mid, writer_p99_ms: median(rounds.map((r) => r.writer_p99_ms)), writer_worst_ms: Math.max(...rounds.map((r) => r.writer_worst_ms)) };
  if (at.longest_batch_ms !== undefined) out.longest_batch_ms = Math.max(...rounds.map((r) => r.longest_batch_ms));
  return { ...out, rounds: rounds.map((r) => ({ seconds: r.seconds, rows_per_s: r.rows_per_s, writer_worst_ms: r.writer_worst_ms })) };
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const seconds = (t0) => ((performance.now() - t0) / 1000).toFixed(1);
