// pg-apply: N migrations (create table + index each) through our engine, knex, umzug,
// node-pg-migrate and a bare `pg` loop of the same statements, each on a fresh database of
// the same server. Last line: { times_ms, ratio_best_peer, ratio_bare, … }.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { migration } from '@ductape/core';
import { PostgresAdapter, compilePostgres } from '@ductape/adapter-postgres';
import { runner as pgMigrate } from 'node-pg-migrate';
import pg from 'pg';
import { Umzug } from 'umzug';
import { engineApply, knexApply } from './apply-contenders.mjs';
import { freshDatabase, median, serverUrl, since, where } from './server.mjs';

const AT = Date.UTC(2024, 0, 1);

/** The N migrations, and the SQL each one runs (the same text for every contender). */
function workload(n) {
  const ms = [];
  for (let i = 0; i < n; i++) {
    const name = `m${String(i).padStart(5, '0')}`;
    ms.push(
      migration(name)
        .at(new Date(AT + i * 1000))
        .createCollection(`t_${i}`, { id: { type: 'integer', primaryKey: true, autoIncrement: true }, name: 'text', created_at: { type: 'timestamp', default: { $fn: 'now' } } })
        .createIndex(`t_${i}`, `t_${i}_name`, ['name'])
        .build(),
    );
  }
  const statements = ms.map((m) => m.up.flatMap((op, index) => compilePostgres(op, { migration: m, direction: 'up', index, options: {} }).map((s) => s.text)));
  return { ms, statements };
}

const contenders = {
  async ductape(url, { ms }) {
    return engineApply(new PostgresAdapter({ url }), ms, undefined, since);
  },
  async ductape_single_tx(url, { ms }) {
    return engineApply(new PostgresAdapter({ url }), ms, { singleTransaction: true }, since);
  },
  async knex(url, work) {
    return knexApply('pg', url, work, since);
  },
  async umzug(url, { ms, statements }) {
    const client = new pg.Client({ connectionString: url });
    const t0 = performance.now();
    await client.connect();
    await client.query('CREATE TABLE IF NOT EXISTS umzug_meta (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())');
    const umzug = new Umzug({
      migrations: ms.map((m, i) => ({
        name: m.name,
        up: async () => {
          for (const s of statements[i]) await client.query(s);
        },
        down: async () => {},
      })),
      storage: {
        logMigration: async ({ name }) => void (await client.query('INSERT INTO umzug_meta (name) VALUES ($1)', [name])),
        unlogMigration: async ({ name }) => void (await client.query('DELETE FROM umzug_meta WHERE name = $1', [name])),
        executed: async () => (await client.query('SELECT name FROM umzug_meta ORDER BY name')).rows.map((r) => r.name),
      },
      logger: undefined,
    });
    await umzug.up();
    const t = since(t0);
    await client.end();
    return t;
  },
  async node_pg_migrate(url, { ms, statements }) {
    const dir = mkdtempSync(join(tmpdir(), 'bench-npm-'));
    ms.forEach((m, i) =>
      writeFileSync(join(dir, `${String(i).padStart(5, '0')}_${m.name}.js`), `exports.up = (pgm) => {\n${statements[i].map((s) => `  pgm.sql(${JSON.stringify(s)});`).join('\n')}\n};\n`),
    );
    const t0 = performance.now();
    await pgMigrate({ databaseUrl: url, dir, direction: 'up', migrationsTable: 'pgmigrations', count: Number.POSITIVE_INFINITY, log: () => {}, verbose: false });
    const t = since(t0);
    rmSync(dir, { recursive: true, force: true });
    return t;
  },
  async bare_pg(url, { statements }) {
    const client = new pg.Client({ connectionString: url });
    const t0 = performance.now();
    await client.connect();
    for (const list of statements) for (const s of list) await client.query(s);
    const t = since(t0);
    await client.end();
    return t;
  },
};

export async function run(args) {
  const arg = (flag, dflt) => (args.includes(flag) ? Number(args[args.indexOf(flag) + 1]) : dflt);
  const n = arg('--n', 1000);
  const rounds = arg('--rounds', 3);
  const server = serverUrl();
  const work = workload(n);
  console.log(`pg-apply: ${n} migrations (create table + index each) on ${where(server)}, ${rounds} interleaved rounds, best of rounds reported`);
  const all = Object.fromEntries(Object.keys(contenders).map((k) => [k, []]));
  for (let round = 1; round <= rounds; round++) {
    // Rotate the order each round so no contender always runs first (or right after another's load).
    const names = Object.keys(contenders);
    const order = names.slice(round % names.length).concat(names.slice(0, round % names.length));
    for (const name of order) {
      const db = await freshDatabase(server, name);
      try {
        const t = await contenders[name](db.url, work);
        all[name].push(t);
        console.log(`  round ${round} ${name.padEnd(18)} ${t.toFixed(0).padStart(7)} ms`);
      } finally {
        await db.drop();
      }
    }
  }
  const times = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, Math.min(...v)]));
  const medians = Object.fromEntries(Object.entries(all).map(([k, v]) => [k, median(v)]));
  const peers = ['knex', 'umzug', 'node_pg_migrate'];
  const best = peers.reduce((a, b) => (times[a] <= times[b] ? a : b));
  const medianBest = peers.reduce((a, b) => (medians[a] <= medians[b] ? a : b));
  const r = (x, y) => Math.round((x / y) * 1000) / 1000;
  return {
    bench: 'pg-apply',
    migrations: n,
    rounds,
    times_ms: times,
    median_ms: medians,
    best_peer: best,
    ratio_best_peer: r(times.ductape, times[best]),
    ratio_bare: r(times.ductape, times.bare_pg),
    ratio_best_peer_single_tx: r(times.ductape_single_tx, times[best]),
    ratio_bare_single_tx: r(times.ductape_single_tx, times.bare_pg),
    // Issue 22's goals are on medians of interleaved rounds.
    median_best_peer: medianBest,
    median_ratio_bare: r(medians.ductape, medians.bare_pg),
    median_ratio_bare_single_tx: r(medians.ductape_single_tx, medians.bare_pg),
    median_ratio_best_peer: r(medians.ductape, medians[medianBest]),
    median_ratio_best_peer_single_tx: r(medians.ductape_single_tx, medians[medianBest]),
    load_average: loadavg().map((x) => Math.round(x * 100) / 100),
    notes:
      'times_ms = best of rounds; ductape = one transaction per migration (engine default); ductape_single_tx = upAll({ singleTransaction: true }), like knex latest() and node-pg-migrate defaults; bare_pg = the same statements in autocommit, no history',
  };
}
