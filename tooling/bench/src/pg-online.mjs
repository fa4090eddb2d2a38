// pg-online: write stall (max latency of a concurrent single-row insert loop) while creating an
// index, adding a column with a default and adding a foreign key on a 1,000,000-row table:
// naive DDL versus our engine's online-safe steps, each on a fresh database of the same server.
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { MigrationEngine, migration } from '@ductape/core';
import { PostgresAdapter } from '@ductape/adapter-postgres';
import pg from 'pg';
import { freshDatabase, serverUrl, where } from './server.mjs';

const PHASES = ['create_index', 'add_column_default', 'add_foreign_key'];

const naive = {
  create_index: 'CREATE INDEX big_payload ON big (payload)',
  add_column_default: 'ALTER TABLE big ADD COLUMN flag boolean NOT NULL DEFAULT false',
  add_foreign_key: 'ALTER TABLE big ADD CONSTRAINT big_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)',
};

const ours = {
  create_index: migration('online_index').createIndex('big', 'big_payload', ['payload']).build(),
  add_column_default: migration('online_column').addField('big', 'flag', { type: 'boolean', required: true, default: false }).build(),
  add_foreign_key: migration('online_fk')
    .addConstraint('big', { name: 'big_parent_fk', type: 'foreignKey', columns: ['parent_id'], references: { table: 'parent', columns: ['id'] } })
    .build(),
};

async function setup(url, rows) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query('CREATE TABLE parent (id integer PRIMARY KEY); INSERT INTO parent SELECT g FROM generate_series(1, 1000) g');
  await c.query('CREATE TABLE big (id bigserial PRIMARY KEY, parent_id integer NOT NULL, payload text NOT NULL)');
  await c.query(`INSERT INTO big (parent_id, payload) SELECT (g % 1000) + 1, md5(g::text) FROM generate_series(1, ${rows}) g`);
  await c.query('VACUUM ANALYZE big');
  await c.end();
}

/** Inserts one row at a time until stopped; keeps [start, end] of every insert. */
function writer(url) {
  const c = new pg.Client({ connectionString: url });
  const samples = [];
  let stop = false;
  const done = (async () => {
    await c.connect();
    while (!stop) {
      const t0 = performance.now();
      await c.query("INSERT INTO big (parent_id, payload) VALUES ($1, 'w')", [1 + Math.floor(Math.random() * 1000)]);
      samples.push([t0, performance.now()]);
    }
    await c.end();
  })();
  return {
    samples,
    stop: async () => {
      stop = true;
      await done;
    },
  };
}

/** 99th percentile latency of the inserts that overlapped [from, to]. */
const p99 = (samples, from, to) => {
  const xs = samples
    .filter(([s, e]) => s < to && e > from)
    .map(([s, e]) => e - s)
    .sort((a, b) => a - b);
  return xs.length === 0 ? 0 : Math.round(xs[Math.min(xs.length - 1, Math.floor(xs.length * 0.99))] * 10) / 10;
};

/** Max latency of the inserts that overlapped [from, to]. */
const stall = (samples, from, to) => Math.round(Math.max(0, ...samples.filter(([s, e]) => s < to && e > from).map(([s, e]) => e - s)) * 10) / 10;

async function mode(server, name, rows, apply) {
  const db = await freshDatabase(server, `online_${name}`);
  try {
    await setup(db.url, rows);
    const ctx = await apply.open(db.url);
    const w = writer(db.url);
    await sleep(500);
    const baseFrom = performance.now() - 400;
    const result = { baseline_max_ms: 0 };
    const windows = {};
    for (const phase of PHASES) {
      const from = performance.now();
      await apply.run(ctx, phase);
      windows[phase] = [from, performance.now()];
      await sleep(300);
    }
    await w.stop(); // every insert has completed and been recorded before the stalls are computed
    for (const phase of PHASES) {
      const [from, to] = windows[phase];
      const during = w.samples.filter(([a, b]) => a < to && b > from).length;
      result[phase] = { ddl_ms: Math.round(to - from), max_write_stall_ms: stall(w.samples, from, to), p99_write_ms: p99(w.samples, from, to), inserts_during: during };
    }
    result.baseline_max_ms = stall(w.samples, baseFrom, baseFrom + 400);
    result.inserts = w.samples.length;
    await apply.close(ctx);
    console.log(`  ${name.padEnd(6)} ${PHASES.map((p) => `${p} ${result[p].max_write_stall_ms} ms stall (DDL ${result[p].ddl_ms} ms)`).join(', ')}`);
    return result;
  } finally {
    await db.drop();
  }
}

export async function run(args) {
  const rows = args.includes('--rows') ? Number(args[args.indexOf('--rows') + 1]) : 1_000_000;
  const server = serverUrl();
  console.log(`pg-online: write stall during DDL on a ${rows}-row table on ${where(server)}`);
  const naiveResult = await mode(server, 'naive', rows, {
    open: async (url) => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    },
    run: (c, phase) => c.query(naive[phase]),
    close: (c) => c.end(),
  });
  const oursResult = await mode(server, 'ours', rows, {
    open: async (url) => {
      const a = new PostgresAdapter({ url });
      await a.connect();
      return { a, e: new MigrationEngine(a) };
    },
    run: ({ e }, phase) => e.up(ours[phase]),
    close: ({ a }) => a.close(),
  });
  const max = (r) => Math.max(...PHASES.map((p) => r[p].max_write_stall_ms));
  return {
    bench: 'pg-online',
    rows,
    naive: naiveResult,
    ours: oursResult,
    max_stall_naive_ms: max(naiveResult),
    max_stall_ours_ms: max(oursResult),
    goal_ms: 100,
    load_average: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}
