import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { printReports } from './print-reports.mjs';
import { availability, selectTargets } from './targets.mjs';

const BIN = fileURLToPath(new URL('../bin/reliability.mjs', import.meta.url));
const WORK = fileURLToPath(new URL('../.work/', import.meta.url));
/** Relative run time of a full run per database (FerretDB, DynamoDB Local and Cassandra are the slow ones; the rest count 1; the ring runs only concurrency and crash, ~7.5 min). */
const WEIGHT = { mongo: 5, dynamo: 4, cassandra: 4, 'cassandra-cluster': 2 };

/**
 * Splits databases into `n` lanes of about equal expected time (heaviest first, each to the
 * lightest lane).
 * @example planLanes(['postgres', 'mongo', 'dynamo'], 2) // [['mongo'], ['dynamo', 'postgres']]
 * @param {readonly string[]} keys
 * @param {number} n
 */
export function planLanes(keys, n) {
  const lanes = Array.from({ length: Math.max(1, Math.min(n, keys.length)) }, () => ({ keys: [], weight: 0 }));
  const sorted = [...keys].sort((a, b) => (WEIGHT[b] ?? 1) - (WEIGHT[a] ?? 1));
  for (const key of sorted) {
    const lane = lanes.reduce((min, l) => (l.weight < min.weight ? l : min));
    lane.keys.push(key);
    lane.weight += WEIGHT[key] ?? 1;
  }
  return lanes.map((l) => l.keys).filter((k) => k.length > 0);
}

/**
 * `pnpm reliability --lanes N`: the same suite in one command, the databases spread over N child
 * processes running side by side (each a `reliability <dbs> --save`), then one table and one JSON
 * line over all of them. Progress lines are prefixed with the lane.
 * @example const { ok } = await runLanes({ targets: [], lanes: 3, quick: false, seed: 1 }, { log: console.error, out: console.log });
 * @param {{ targets: string[], lanes: number, quick: boolean, seed: number, only?: string[], keep?: boolean, fuzzMinutes?: number }} args
 * @param {{ log?: (line: string) => void, out?: (line: string) => void }} io
 */
export async function runLanes(args, io = {}) {
  const log = io.log ?? (() => undefined);
  const out = io.out ?? (() => undefined);
  const skipped = [];
  const keys = [];
  for (const target of selectTargets(args.targets)) {
    const a = availability(target);
    if (a.ok) keys.push(target.key);
    else if (args.targets.length > 0) skipped.push({ key: target.key, ok: false, ms: 0, provisionError: a.reason, results: {} });
    else skipped.push({ key: target.key, skipped: a.reason });
  }
  mkdirSync(WORK, { recursive: true });
  const stamp = `${process.pid}-${Date.now()}`;
  const lanes = planLanes(keys, args.lanes);
  log(`lanes: ${lanes.map((l, i) => `${i + 1}=${l.join(',')}`).join(' ')}`);
  const reports = (await Promise.all(lanes.map((lane, i) => runLane(lane, join(WORK, `lane-${stamp}-${i + 1}.json`), args, (line) => log(`[lane ${i + 1}] ${line}`))))).flat();
  const all = [...reports, ...skipped];
  printReports(all, args, out);
  return { ok: all.every((r) => r.skipped || r.ok), reports: all };
}

function runLane(keys, file, args, log) {
  const flags = ['--seed', String(args.seed), '--save', file, ...(args.quick ? ['--quick'] : []), ...(args.keep ? ['--keep'] : [])];
  if (args.only) flags.push('--only', args.only.join(','));
  if (args.fuzzMinutes > 0) flags.push('--fuzz-minutes', String(args.fuzzMinutes));
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--no-warnings', BIN, ...keys, ...flags], { stdio: ['ignore', 'ignore', 'pipe'] });
    let rest = '';
    child.stderr.on('data', (d) => {
      const lines = (rest + d).split('\n');
      rest = lines.pop() ?? '';
      for (const l of lines) log(l);
    });
    child.on('close', (code, signal) => {
      if (rest) log(rest);
      const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).reports : [];
      const done = new Set(saved.map((r) => r.key));
      // A lane that died leaves the databases it had not finished as failures, with the reason.
      const lost = keys
        .filter((k) => !done.has(k))
        .map((key) => ({ key, ok: false, ms: 0, provisionError: `its lane ended (${signal ?? `exit ${code}`}) before this database was done`, results: {} }));
      resolve([...saved, ...lost]);
    });
  });
}
