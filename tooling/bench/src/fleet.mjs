// `pnpm bench fleet [--db postgres|mariadb|cassandra] [--case schemas|databases] [--targets N]
// [--concurrency N] [--rounds N]` (issue 20). A fleet of tenants (PostgreSQL: 500 schemas of one
// database, or `--case databases` 200 databases; MariaDB: 50 databases; Cassandra: 50 keyspaces),
// each getting the same 10 migrations (./fleet-workload.mjs), every contender on a fresh fleet:
//   ours: db.fleet('tenants').up through @ductape/sdk, at concurrency 2, 4 and 8 in the first
//         round (the fastest is "ours" from then on; --concurrency N skips the pick), then a no-op
//         re-run of the whole fleet it just migrated;
//   two runners: two processes running ours at once on one fleet (wall time of both), then the
//         history rows counted: `duplicates`;
//   the peers' way: a sequential loop in one process, knex migrate.latest per tenant and
//         node-pg-migrate per tenant (PostgreSQL; knex on MariaDB), the same SQL;
//   the floor: the same statements with the bare driver, a sequential loop and at our
//         concurrency; on PostgreSQL schemas also with a new connection per tenant.
// Each database's code is ./fleet-<db>.mjs. Progress on stderr; the last stdout line is one JSON
// object (run.mjs prints it).
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { DatabaseService } from '@ductape/sdk';

const CASES = {
  postgres: { cases: ['schemas', 'databases'], targets: { schemas: 500, databases: 200 } },
  mariadb: { cases: ['databases'], targets: { databases: 50 } },
  cassandra: { cases: ['keyspaces'], targets: { keyspaces: 50 } },
};
const CONCURRENCIES = [2, 4, 8];
const GOALS = { speedup_vs_best_peer: 4, ratio_vs_bare_concurrent: 1.2, noop_rerun_ms: 2000, duplicates: 0 };

/** @param {string[]} args */
export async function run(args) {
  const opt = (name) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
  const dbName = opt('db') ?? 'postgres';
  const spec = CASES[dbName];
  if (!spec) throw new Error(`usage: pnpm bench fleet [--db <${Object.keys(CASES).join('|')}>] [--case schemas|databases] [--targets N] [--concurrency N] [--rounds N] [--profile]`);
  const kind = opt('case') ?? spec.cases[0];
  if (!spec.cases.includes(kind)) throw new Error(`--case on ${dbName} takes ${spec.cases.join(' or ')}`);
  const targets = Number(opt('targets') ?? spec.targets[kind]);
  const fixed = opt('concurrency') === undefined ? undefined : Number(opt('concurrency'));
  const rounds = Number(opt('rounds') ?? 1);
  for (const [n, v] of [
    ['targets', targets],
    ['rounds', rounds],
    ['concurrency', fixed ?? 1],
  ])
    if (!(Number.isInteger(v) && v > 0)) throw new Error(`--${n} takes a whole number ≥ 1`);

  const open = (await import(`./fleet-${dbName}.mjs`)).openCase;
  const c = await open({ kind, targets });
  const log = (line) => console.error(`[fleet ${dbName} ${kind}] ${line}`);
  const loadBefore = loadavg().map((x) => round(x, 2));
  log(`${c.where}: ${targets} tenant ${kind}, ${c.migrations.length} migrations each; load average ${loadBefore.join(' ')}`);
  log(
    `goals: ≥ ${GOALS.speedup_vs_best_peer}× faster than the best sequential peer loop, ≤ ${GOALS.ratio_vs_bare_concurrent}× the bare concurrent floor, no-op re-run ≤ ${GOALS.noop_rerun_ms} ms, duplicates ${GOALS.duplicates}`,
  );

  const problems = [];
  /** Runs one contender on a fresh fleet, checks it, drops the fleet. */
  const onFresh = async (label, work, { history = false } = {}) => {
    const f = await c.fresh(label);
    try {
      const out = await work(f);
      if (!(await f.verify())) problems.push(`${label}: the first or last tenant lacks the last migration's change`);
      if (history) out.history = await historyFigures(f, c.migrations.length, label, problems);
      if (f.serverStats) out.server = await f.serverStats();
      return out;
    } finally {
      await f.drop();
    }
  };
  const ours = (concurrency) =>
    onFresh(
      `ours c${concurrency}`,
      async (f) => {
        const s = await fleetUp(f.fleetConfig, c.migrations, concurrency);
        if (s.failed.length > 0 || s.applied !== targets * c.migrations.length) problems.push(`ours c${concurrency}: applied ${s.applied}, failed ${JSON.stringify(s.failed.slice(0, 3))}`);
        const perTarget = s.rows.map((r) => r.ms);
        const noop = await fleetUp(f.fleetConfig, c.migrations, concurrency);
        if (noop.upToDate !== targets) problems.push(`no-op re-run: ${noop.upToDate} of ${targets} up to date`);
        return { ms: s.ms_wall, target_ms_median: median(perTarget), target_ms_p90: quantile(perTarget, 0.9), noop_rerun_ms: noop.ms_wall };
      },
      { history: true },
    );

  const results = {};
  const push = (label, figures) => {
    (results[label] ??= []).push(figures);
    log(
      `${label.padEnd(26)} ${String(Math.round(figures.ms)).padStart(8)} ms${figures.noop_rerun_ms !== undefined ? `  (no-op re-run ${Math.round(figures.noop_rerun_ms)} ms)` : ''}${figures.server ? `  [${figures.server.sessions} connections, ${figures.server.commits} commits]` : ''}`,
    );
  };

  let best = fixed;
  for (let r = 0; r < rounds; r++) {
    if (best === undefined) {
      log(`round 1: ours at concurrency ${CONCURRENCIES.join(', ')} to pick the best for this machine`);
      for (const n of CONCURRENCIES) push(`ours_c${n}`, await ours(n));
      best = CONCURRENCIES.reduce((a, b) => (results[`ours_c${a}`][0].ms <= results[`ours_c${b}`][0].ms ? a : b));
      log(`best concurrency here: ${best}`);
    }
    const contenders = {
      ours: () => ours(best),
      two_runners: async () => {
        const out = await onFresh('two runners', (f) => twoRunners(f.fleetConfig, best, c.workload), { history: true });
        // A migration applied twice would show as a runner's applied count beyond one per tenant and migration.
        out.history.duplicates += Math.max(0, out.applied_by_runners - targets * c.migrations.length);
        const failed = out.runners.flatMap((x) => x.failed);
        if (failed.length > 0) problems.push(`two runners: failed ${JSON.stringify(failed.slice(0, 3))}`);
        return out;
      },
      ...Object.fromEntries(Object.entries(c.peers).map(([name, loop]) => [`${name}_loop`, () => onFresh(name, async (f) => ({ ms: await loop(f, c.migrations, kind) }))])),
      bare_sequential: () => onFresh('bare seq', async (f) => ({ ms: await c.bare(f, { concurrency: 1 }, kind) })),
      bare_concurrent: () => onFresh('bare conc', async (f) => ({ ms: await c.bare(f, { concurrency: best }, kind) })),
      ...(kind === 'schemas' ? { bare_concurrent_new_connection: () => onFresh('bare newconn', async (f) => ({ ms: await c.bare(f, { concurrency: best, newConnectionEach: true }, kind) })) } : {}),
    };
    // ours at the best concurrency already ran in the pick: the other contenders only, this round.
    const labels = Object.keys(contenders).filter((l) => !(l === 'ours' && fixed === undefined && r === 0));
    const order = labels.map((_, i) => labels[(i + r) % labels.length]);
    log(`round ${r + 1} of ${rounds}: ${order.join(', ')}`);
    for (const label of order) push(label, await contenders[label]());
    if (r === 0 && fixed === undefined) results.ours = [...results[`ours_c${best}`]];
  }

  // --profile (PostgreSQL): one more run of ours, not counted, with its round trips counted by kind.
  let profile = null;
  if (args.includes('--profile') && dbName === 'postgres') {
    const { profileQueries } = await import('./fleet-profile.mjs');
    const f = await c.fresh('profile');
    try {
      profile = await profileQueries(async () => void (await fleetUp(f.fleetConfig, c.migrations, best)), targets);
    } finally {
      await f.drop();
    }
    log(`profile of ours (one more run, ${profile.wall_ms} ms): ${profile.round_trips_per_target} round trips per target`);
    for (const [k, v] of Object.entries(profile.kinds)) log(`  ${k}: ${v.per_target} per target, ${v.ms_total} ms in all, ${v.ms_each} ms each`);
  }

  const fig = (label) => (results[label] ? median(results[label].map((x) => x.ms)) : null);
  const oursMs = fig('ours');
  const peerLabels = Object.keys(c.peers).map((p) => `${p}_loop`);
  const bestPeer = peerLabels.length > 0 ? peerLabels.reduce((a, b) => (fig(a) <= fig(b) ? a : b)) : null;
  const bestPeerMs = bestPeer ? fig(bestPeer) : null;
  const bareConcurrent = fig('bare_concurrent');
  const oursRuns = results.ours;
  const noop = median(oursRuns.map((x) => x.noop_rerun_ms));
  const two = results.two_runners;
  const duplicates = Math.max(...two.map((x) => x.history.duplicates), ...oursRuns.map((x) => x.history.duplicates));
  const figures = {
    speedup_vs_best_peer: bestPeerMs === null ? null : round(bestPeerMs / oursMs, 2),
    ratio_vs_bare_concurrent: round(oursMs / bareConcurrent, 2),
    // The most a runner at this concurrency could reach here: the bare floor against the best peer.
    floor_speedup_vs_best_peer: bestPeerMs === null ? null : round(bestPeerMs / bareConcurrent, 2),
  };
  const met = {
    speedup_vs_best_peer: figures.speedup_vs_best_peer === null ? null : figures.speedup_vs_best_peer >= GOALS.speedup_vs_best_peer,
    ratio_vs_bare_concurrent: figures.ratio_vs_bare_concurrent <= GOALS.ratio_vs_bare_concurrent,
    noop_rerun_ms: noop <= GOALS.noop_rerun_ms,
    duplicates: duplicates === GOALS.duplicates,
  };
  log(
    `ours ${ms(oursMs)} at concurrency ${best}; best peer loop ${bestPeer ?? '–'} ${bestPeerMs === null ? '–' : ms(bestPeerMs)}: ${figures.speedup_vs_best_peer ?? '–'}× (goal ≥ ${GOALS.speedup_vs_best_peer}×) ${mark(met.speedup_vs_best_peer)}`,
  );
  if (bestPeerMs !== null) log(`the bare concurrent floor itself is ${figures.floor_speedup_vs_best_peer}× faster than ${bestPeer} here (the most a runner at concurrency ${best} could reach)`);
  log(`bare concurrent ${ms(bareConcurrent)}: ours ÷ bare ${figures.ratio_vs_bare_concurrent} (goal ≤ ${GOALS.ratio_vs_bare_concurrent}) ${mark(met.ratio_vs_bare_concurrent)}`);
  log(`no-op re-run ${ms(noop)} (goal ≤ ${GOALS.noop_rerun_ms} ms) ${mark(met.noop_rerun_ms)}; two runners ${ms(fig('two_runners'))}, duplicates ${duplicates} (goal 0) ${mark(met.duplicates)}`);
  // How much of the gap is connection setup: the bare loop with a new connection per tenant minus
  // the pooled one is the wall time of one connection per tenant at our concurrency; ours opens
  // `connections_per_target` (counted by --profile; null without it).
  const newConnection = fig('bare_concurrent_new_connection');
  const perTarget = profile ? (profile.kinds['connect (new connection)']?.per_target ?? 0) : null;
  const connection_setup =
    newConnection === null
      ? null
      : {
          one_per_target_ms: Math.round(newConnection - bareConcurrent),
          connections_per_target_ours: perTarget,
          estimate_in_ours_ms: perTarget === null ? null : Math.round(perTarget * (newConnection - bareConcurrent)),
          gap_to_bare_concurrent_ms: Math.round(oursMs - bareConcurrent),
        };
  if (connection_setup && perTarget !== null)
    log(
      `connection setup: one new connection per tenant costs ${connection_setup.one_per_target_ms} ms of wall time at concurrency ${best}; ours opens ${perTarget} per target: about ${connection_setup.estimate_in_ours_ms} ms of its ${connection_setup.gap_to_bare_concurrent_ms} ms gap to the bare concurrent floor`,
    );
  if (problems.length > 0) process.exitCode = 1;
  const summarize = (label) => {
    const runs = results[label];
    if (!runs) return undefined;
    const mid = median(runs.map((x) => x.ms));
    const at = runs.find((x) => x.ms === mid);
    return { ...roundAll(at), ms: Math.round(mid), ...(runs.length > 1 ? { rounds_ms: runs.map((x) => Math.round(x.ms)) } : {}) };
  };
  return {
    bench: 'fleet',
    ok: problems.length === 0,
    problems,
    db: dbName,
    case: kind,
    targets,
    migrations_each: c.migrations.length,
    concurrency: best,
    concurrency_picked_from: fixed === undefined ? Object.fromEntries(CONCURRENCIES.map((n) => [n, Math.round(results[`ours_c${n}`][0].ms)])) : null,
    rounds,
    ours_ms: Math.round(oursMs),
    two_runners_ms: Math.round(fig('two_runners')),
    best_peer: bestPeer,
    best_peer_loop_ms: bestPeerMs === null ? null : Math.round(bestPeerMs),
    bare_sequential_ms: Math.round(fig('bare_sequential')),
    bare_concurrent_ms: Math.round(bareConcurrent),
    bare_concurrent_new_connection_ms: fig('bare_concurrent_new_connection') === null ? null : Math.round(fig('bare_concurrent_new_connection')),
    ...figures,
    noop_rerun_ms: Math.round(noop),
    duplicates,
    goals: GOALS,
    goals_met: met,
    connection_setup,
    profile,
    contenders: Object.fromEntries(Object.keys(results).map((l) => [l, summarize(l)])),
    load_average_before: loadBefore,
    load_average: loadavg().map((x) => round(x, 2)),
  };
}

/** Ours in this process: a new DatabaseService, `fleet('tenants').up`, the summary with its wall time. */
async function fleetUp(fleetConfig, migrations, concurrency) {
  const db = new DatabaseService({ config: { products: {}, fleets: { tenants: fleetConfig } }, vars: {} });
  const t0 = performance.now();
  const s = await db.fleet('tenants').up({ env: 'bench', migrations, concurrency });
  return { ...s, ms_wall: performance.now() - t0 };
}

/** Two runner processes (./fleet-runner.mjs) at once on one fleet: the wall time of both. */
async function twoRunners(fleetConfig, concurrency, workload) {
  const script = fileURLToPath(new URL('./fleet-runner.mjs', import.meta.url));
  const one = () =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [script, JSON.stringify({ fleetConfig, concurrency, workload })], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        out += d;
      });
      child.on('error', reject);
      child.on('exit', (code) => {
        try {
          resolve(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
        } catch {
          reject(new Error(`a fleet runner exited ${code} without its summary: ${out.slice(-2000)}`));
        }
      });
    });
  const t0 = performance.now();
  const runners = await Promise.all([one(), one()]);
  return { ms: performance.now() - t0, runners, applied_by_runners: runners.reduce((n, r) => n + r.applied, 0) };
}

/**
 * The history rows of every tenant: `duplicates` counts rows beyond one per tenant and migration,
 * plus, after two runners, migrations the runners applied beyond one per tenant and migration.
 */
async function historyFigures(f, each, label, problems) {
  const rows = await f.history();
  let duplicates = 0;
  let missing = 0;
  for (const r of rows) {
    duplicates += r.rows - r.distinct;
    missing += Math.max(0, each - r.applied);
  }
  if (missing > 0) problems.push(`${label}: ${missing} migrations not applied in the history rows`);
  return { rows: rows.reduce((n, r) => n + r.rows, 0), duplicates, missing };
}

const round = (x, digits) => Math.round(x * 10 ** digits) / 10 ** digits;
const ms = (x) => `${Math.round(x)} ms`;
const mark = (ok) => (ok === null ? '' : ok ? '✓' : '✗ missed');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))];
const roundAll = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'number' ? Math.round(v) : v]));
