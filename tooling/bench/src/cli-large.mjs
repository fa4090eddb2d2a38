#!/usr/bin/env node
// cli-large: a large project — N (10,000) migration files, all N applied — on the PostgreSQL
// server. Cold processes of `ductape status` and `ductape up` (nothing pending), with the
// checksum cache built by a first `status` (reported apart), against knex's `migrate:latest` and
// node-pg-migrate's `up` on the same N (nothing pending), interleaved. Our peak memory (max RSS)
// comes from separate runs with a tiny `--import` hook, so the timed runs are plain.
// Progress lines first; the last line is one JSON object.
// Run: pnpm bench cli-large [--n 10000] [--runs 5]   (needs `pnpm services:up postgres`)
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadServicesEnv } from '@ductape/services/load-env';
import pg from 'pg';

const require = createRequire(import.meta.url);
const bin = join(dirname(require.resolve('@ductape/cli')), 'bin.js');
const sdkDir = dirname(dirname(require.resolve('@ductape/sdk')));
const knexBin = join(dirname(require.resolve('knex/package.json')), 'bin', 'cli.js');
const npmDir = dirname(require.resolve('node-pg-migrate/package.json'));
const npmBin = join(npmDir, 'bin', 'node-pg-migrate.js');
const arg = (name, fallback) => (process.argv.includes(name) ? Number(process.argv[process.argv.indexOf(name) + 1]) : fallback);
const n = arg('--n', 10000);
const runs = arg('--runs', 5);

if (process.argv.includes('--help')) {
  console.log('usage: pnpm bench cli-large [--n 10000] [--runs 5]   (needs `pnpm services:up postgres`)');
  process.exit(0);
}

loadServicesEnv();
const server = process.env.DUCTAPE_TEST_POSTGRES_URL;
if (!server) {
  console.error('cli-large needs the PostgreSQL server: run `pnpm services:up postgres`');
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

function timed(cmd, args, cwd, env, nodeArgs = []) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [...nodeArgs, cmd, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${(r.stderr || r.stdout).slice(-2000)}`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const tag = (i) => {
  const d = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
  return `${d.slice(0, 10).replaceAll('-', '')}_${d.slice(11, 19).replaceAll(':', '')}_m${String(i).padStart(5, '0')}`;
};

const id = Math.random().toString(16).slice(2, 10);
const dbs = { ours: `ductape_bench_large_${id}`, knex: `ductape_bench_large_knex_${id}`, npm: `ductape_bench_large_npm_${id}` };
const dir = mkdtempSync(join(tmpdir(), 'ductape-cli-large-'));
for (const db of Object.values(dbs)) await admin(`CREATE DATABASE "${db}"`);
try {
  console.log(`cli-large: ${n} migration files, all applied, ${runs} cold runs each, on ${new URL(server).host}; load average ${load().join(' ')}`);
  mkdirSync(join(dir, 'node_modules', '@ductape'), { recursive: true });
  symlinkSync(sdkDir, join(dir, 'node_modules', '@ductape', 'sdk'), 'dir');
  symlinkSync(realpathSync(dirname(knexBin)).replace(/\/bin$/, ''), join(dir, 'node_modules', 'knex'), 'dir');
  writeFileSync(join(dir, 'ductape.config.json'), JSON.stringify({ products: { bench: { databases: { main: { environments: { bench: '${env:BENCH_URL}' } } } } } }));
  for (const sub of ['migrations', 'knex', 'npm']) mkdirSync(join(dir, sub));
  for (let i = 0; i < n; i++) {
    const t = tag(i);
    writeFileSync(
      join(dir, 'migrations', `${t}.mjs`),
      `import { migration } from '@ductape/sdk';\nexport default migration('m${String(i).padStart(5, '0')}').tag('${t}').createCollection('t_${i}', { id: { type: 'uuid', primaryKey: true }, email: { type: 'string', length: 255 } }).build();\n`,
    );
    writeFileSync(join(dir, 'knex', `${t}.cjs`), 'exports.up = async () => {};\nexports.down = async () => {};\n');
    writeFileSync(join(dir, 'npm', `${t}.cjs`), 'exports.up = () => {};\nexports.down = () => {};\n');
  }
  writeFileSync(join(dir, 'knexfile.cjs'), `module.exports = { client: 'pg', connection: process.env.BENCH_URL, migrations: { directory: './knex', loadExtensions: ['.cjs'] } };\n`);
  const env = { BENCH_URL: urlOf(dbs.ours), DUCTAPE_ENV: 'bench' };
  const knexEnv = { BENCH_URL: urlOf(dbs.knex) };
  const npmEnv = { DATABASE_URL: urlOf(dbs.npm) };
  const knexArgs = ['migrate:latest', '--knexfile', 'knexfile.cjs'];
  const npmArgs = ['up', '--migrations-dir', 'npm', '--use-glob', 'false'];
  // Recorded as applied: ours with `ductape baseline` (imports every file), knex and
  // node-pg-migrate by running their no-op migrations (node-pg-migrate: `--fake`, rows only).
  const seed = timed(bin, ['baseline', tag(n - 1)], dir, env);
  const knexSeed = timed(knexBin, knexArgs, dir, knexEnv);
  const npmSeed = timed(npmBin, [...npmArgs, '--fake'], dir, npmEnv);
  console.log(`  recorded: ductape baseline ${seed.toFixed(0)} ms, knex migrate:latest ${knexSeed.toFixed(0)} ms, node-pg-migrate up --fake ${npmSeed.toFixed(0)} ms`);
  // The first status imports every file and writes the checksum cache (.ductape/cli-cache.json);
  // the timed runs below use it, as every run after a project's first does.
  const firstStatus = timed(bin, ['status'], dir, env);
  console.log(`  first ductape status (imports every file, builds the checksum cache) ${firstStatus.toFixed(0)} ms; load average ${load().join(' ')}`);
  const status = [];
  const up = [];
  const knex = [];
  const npm = [];
  for (let r = 0; r < runs; r++) {
    // Interleaved, so load changes on the machine hit all four alike.
    status.push(timed(bin, ['status'], dir, env));
    up.push(timed(bin, ['up'], dir, env));
    knex.push(timed(knexBin, knexArgs, dir, knexEnv));
    npm.push(timed(npmBin, npmArgs, dir, npmEnv));
    console.log(`  round ${r + 1}: status ${status[r].toFixed(0)} ms, up ${up[r].toFixed(0)} ms, knex ${knex[r].toFixed(0)} ms, node-pg-migrate ${npm[r].toFixed(0)} ms; load average ${load()[0]}`);
  }
  // Peak memory: one more status and up each, reporting process.resourceUsage().maxRSS at exit.
  const rssFile = join(dir, 'rss.txt');
  const hook = join(dir, 'rss-hook.mjs');
  writeFileSync(hook, `import { appendFileSync } from 'node:fs';\nprocess.on('exit', () => appendFileSync(${JSON.stringify(rssFile)}, process.resourceUsage().maxRSS + '\\n'));\n`);
  writeFileSync(rssFile, '');
  for (const cmd of ['status', 'up']) timed(bin, [cmd], dir, env, ['--import', pathToFileURL(hook).href]);
  const rss = readFileSync(rssFile, 'utf8')
    .trim()
    .split('\n')
    .map((kb) => Number(kb) / 1024);
  const result = {
    bench: 'cli-large',
    files: n,
    applied: n,
    runs,
    statusMs: Math.round(median(status)),
    upMs: Math.round(median(up)),
    rssMiB: Math.round(Math.max(...rss)),
    rss: { statusMiB: Math.round(rss[0]), upMiB: Math.round(rss[1]) },
    knexMs: Math.round(median(knex)),
    nodePgMigrateMs: Math.round(median(npm)),
    firstStatusMs: Math.round(firstStatus),
    statusVsKnex: Number((median(status) / median(knex)).toFixed(2)),
    statusVsNodePgMigrate: Number((median(status) / median(npm)).toFixed(2)),
    min: { status: Math.round(Math.min(...status)), up: Math.round(Math.min(...up)), knex: Math.round(Math.min(...knex)), nodePgMigrate: Math.round(Math.min(...npm)) },
    seedMs: { ductapeBaseline: Math.round(seed), knex: Math.round(knexSeed), nodePgMigrateFake: Math.round(npmSeed) },
    goal: { statusMs: 1000, upMs: 1000, rssMiB: 150 },
    load_average: load(),
  };
  console.log(
    `  ductape status ${result.statusMs} ms, ductape up ${result.upMs} ms (max RSS ${result.rssMiB} MiB), knex migrate:latest ${result.knexMs} ms, node-pg-migrate up ${result.nodePgMigrateMs} ms (medians)`,
  );
  console.log(JSON.stringify(result));
} finally {
  rmSync(dir, { recursive: true, force: true });
  for (const db of Object.values(dbs)) await admin(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`).catch(() => undefined);
}
