#!/usr/bin/env node
// cli-noop: cold `ductape status` and `ductape up` with nothing pending and N (1,000) applied
// migrations on the PostgreSQL server, against knex's `migrate:latest` with nothing pending —
// each a fresh process, as in CI. Progress lines first; the last line is one JSON object.
// Run: pnpm bench cli-noop [--n 1000] [--runs 5]   (needs `pnpm services:up postgres`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { loadServicesEnv } from '@ductape/services/load-env';
import pg from 'pg';

const require = createRequire(import.meta.url);
// The built CLI (dist/bin.js beside dist/index.js) and the sdk package folder, both workspace
// dependencies of tooling/bench.
const bin = join(dirname(require.resolve('@ductape/cli')), 'bin.js');
const sdkDir = dirname(dirname(require.resolve('@ductape/sdk')));
const knexBin = join(dirname(require.resolve('knex/package.json')), 'bin', 'cli.js');
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const n = arg('--n', 1000);
const runs = arg('--runs', 5);

if (process.argv.includes('--help')) {
  console.log('usage: pnpm bench cli-noop [--n 1000] [--runs 5]   (needs `pnpm services:up postgres`)');
  process.exit(0);
}

loadServicesEnv();
const server = process.env.DUCTAPE_TEST_POSTGRES_URL;
if (!server) {
  console.error('cli-noop needs the PostgreSQL server: run `pnpm services:up postgres`');
  process.exit(1);
}

async function admin(sql) {
  const c = new pg.Client({ connectionString: server });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

function urlOf(name) {
  const u = new URL(server);
  u.pathname = `/${name}`;
  return u.toString();
}

function timed(cmd, args, cwd, env) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [cmd, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr || r.stdout}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const tag = (i) => {
  const d = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  return `${d.slice(0, 10).replaceAll('-', '')}_${d.slice(11, 19).replaceAll(':', '')}_m${String(i).padStart(5, '0')}`;
};

const id = Math.random().toString(16).slice(2, 10);
const ours = `ductape_bench_cli_${id}`;
const theirs = `ductape_bench_knex_${id}`;
const dir = mkdtempSync(join(tmpdir(), 'ductape-cli-bench-'));
await admin(`CREATE DATABASE "${ours}"`);
await admin(`CREATE DATABASE "${theirs}"`);
try {
  console.log(`cli-noop: ${n} applied migrations, ${runs} cold runs each, on ${new URL(server).host}`);
  // Our project: N migration files, recorded as applied with `ductape baseline` (no DDL needed for a no-op).
  mkdirSync(join(dir, 'node_modules', '@ductape'), { recursive: true });
  symlinkSync(sdkDir, join(dir, 'node_modules', '@ductape', 'sdk'), 'dir');
  symlinkSync(realpathSync(dirname(knexBin)).replace(/\/bin$/, ''), join(dir, 'node_modules', 'knex'), 'dir');
  writeFileSync(join(dir, 'ductape.config.json'), JSON.stringify({ products: { bench: { databases: { main: { environments: { bench: '${env:BENCH_URL}' } } } } } }));
  mkdirSync(join(dir, 'migrations'));
  mkdirSync(join(dir, 'knex'));
  for (let i = 0; i < n; i++) {
    const t = tag(i);
    writeFileSync(
      join(dir, 'migrations', `${t}.mjs`),
      `import { migration } from '@ductape/sdk';\nexport default migration('m${String(i).padStart(5, '0')}').tag('${t}').createCollection('t_${i}', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } }).build();\n`,
    );
    writeFileSync(join(dir, 'knex', `${t}.cjs`), `exports.up = async () => {};\nexports.down = async () => {};\n`);
  }
  writeFileSync(join(dir, 'knexfile.cjs'), `module.exports = { client: 'pg', connection: process.env.BENCH_URL, migrations: { directory: './knex', loadExtensions: ['.cjs'] } };\n`);
  const env = { BENCH_URL: urlOf(ours), DUCTAPE_ENV: 'bench' };
  const knexEnv = { BENCH_URL: urlOf(theirs) };
  const seed = timed(bin, ['baseline', tag(n - 1)], dir, env);
  const knexSeed = timed(knexBin, ['migrate:latest', '--knexfile', 'knexfile.cjs'], dir, knexEnv);
  console.log(`  recorded: ductape baseline ${seed.toFixed(0)} ms, knex migrate:latest (first, no-op ups) ${knexSeed.toFixed(0)} ms`);
  // The first status imports every file and writes the checksum cache (.ductape/cli-cache.json);
  // the timed runs below use it, as every run after the first does. Both are reported.
  const firstStatus = timed(bin, ['status'], dir, env);
  const noCache = timed(bin, ['status'], dir, { ...env, DUCTAPE_NO_CACHE: '1' });
  console.log(`  first ductape status (builds the checksum cache) ${firstStatus.toFixed(0)} ms; with DUCTAPE_NO_CACHE=1 ${noCache.toFixed(0)} ms`);
  const status = [];
  const up = [];
  const knex = [];
  for (let r = 0; r < runs; r++) {
    // Interleaved, so load changes on the machine hit all three alike.
    status.push(timed(bin, ['status'], dir, env));
    up.push(timed(bin, ['up'], dir, env));
    knex.push(timed(knexBin, ['migrate:latest', '--knexfile', 'knexfile.cjs'], dir, knexEnv));
  }
  const help = [];
  for (let r = 0; r < runs; r++) help.push(timed(bin, ['--help'], dir, env));
  const nodeBare = [];
  for (let r = 0; r < runs; r++) nodeBare.push(timed('-e', [''], dir, {}));
  const result = {
    bench: 'cli-noop',
    applied: n,
    runs,
    ductapeStatusMs: Math.round(median(status)),
    ductapeUpMs: Math.round(median(up)),
    knexMigrateLatestMs: Math.round(median(knex)),
    statusVsKnex: Number((median(status) / median(knex)).toFixed(2)),
    upVsKnex: Number((median(up) / median(knex)).toFixed(2)),
    firstStatusMs: Math.round(firstStatus),
    noCacheStatusMs: Math.round(noCache),
    ductapeHelpMs: Math.round(median(help)),
    nodeStartMs: Math.round(median(nodeBare)),
    min: { status: Math.round(Math.min(...status)), up: Math.round(Math.min(...up)), knex: Math.round(Math.min(...knex)) },
    goal: { seconds: 0.15, vsKnex: 0.5 },
    loadavg1: Number(loadavg()[0].toFixed(1)),
  };
  console.log(
    `  ductape status ${result.ductapeStatusMs} ms, ductape up ${result.ductapeUpMs} ms, knex migrate:latest ${result.knexMigrateLatestMs} ms (medians; node alone ${result.nodeStartMs} ms)`,
  );
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
  await admin(`DROP DATABASE IF EXISTS "${ours}" WITH (FORCE)`).catch(() => undefined);
  await admin(`DROP DATABASE IF EXISTS "${theirs}" WITH (FORCE)`).catch(() => undefined);
}
