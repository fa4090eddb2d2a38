import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { MODES } from './modes.mjs';
import { printReports } from './print-reports.mjs';
import { runDatabase } from './run-database.mjs';
import { availability, selectTargets } from './targets.mjs';

/**
 * Runs the suite on the chosen databases one after another: those named, or every one whose
 * adapter is built and whose server is set up. A named database that is unavailable is a failure;
 * an unnamed one is reported as skipped. Writes the table and, last, the JSON summary line.
 * @example const { ok, reports } = await runSuite({ targets: ['pglite'], quick: true, seed: 1 }, { out: console.log });
 * @param {{ targets: string[], quick: boolean, seed: number, only?: string[], keep?: boolean }} args
 * @param {{ log?: (line: string) => void, out?: (line: string) => void }} io
 */
export async function runSuite(args, io = {}) {
  const log = io.log ?? (() => undefined);
  const out = io.out ?? (() => undefined);
  const base = args.quick ? MODES.quick : MODES.full;
  const fuzzed = args.fuzzMinutes > 0 ? { ...base, badInput: { ...base.badInput, maxMs: args.fuzzMinutes * 60_000 } } : base;
  const bounded = args.roundTripMinutes > 0 ? { ...fuzzed, roundTrip: { ...fuzzed.roundTrip, maxMs: args.roundTripMinutes * 60_000 } } : fuzzed;
  const mode = args.roundTripSlice ? { ...bounded, roundTrip: { ...bounded.roundTrip, slice: args.roundTripSlice } } : bounded;
  const reports = [];
  // Saved after every database, and once before the first: a path that cannot be written fails
  // now, not after an hour's run (its directory is made when missing).
  const save = () => args.save && writeFileSync(args.save, JSON.stringify({ mode: args.quick ? 'quick' : 'full', seed: args.seed, reports }, null, 1));
  if (args.save) mkdirSync(dirname(args.save), { recursive: true });
  save();
  for (const target of selectTargets(args.targets)) {
    const a = availability(target);
    if (!a.ok) {
      log(`${target.key}: ${args.targets.length > 0 ? 'unavailable' : 'skipped'}: ${a.reason}`);
      reports.push(args.targets.length > 0 ? { key: target.key, ok: false, ms: 0, provisionError: a.reason, results: {} } : { key: target.key, skipped: a.reason });
      continue;
    }
    reports.push(await runDatabase(target, a.setting, { mode, seed: args.seed, only: args.only, keep: args.keep, log }));
    save();
  }
  save();
  printReports(reports, args, out);
  return { ok: reports.every((r) => r.skipped || r.ok), reports };
}
