import { readFileSync } from 'node:fs';
import { reportTable, summaryJson } from './report.mjs';

/**
 * Two roundTrip results of slices of one run (`--round-trip-slice`, run side by side) as one:
 * counts and the op mix summed, failures and notes joined, the slices' ranges listed; its time is
 * the longer slice's (they ran at the same time).
 * @example joinSlices(a, b).counts.histories // a's + b's
 */
export function joinSlices(a, b) {
  const counts = { ...a.counts };
  for (const [k, v] of Object.entries(b.counts)) if (typeof v === 'number' && !['seed', 'from', 'to'].includes(k)) counts[k] = (counts[k] ?? 0) + v;
  const byKind = { ...a.counts.byKind };
  for (const [k, v] of Object.entries(b.counts.byKind ?? {})) byKind[k] = (byKind[k] ?? 0) + v;
  const mix = { ...a.counts.mix };
  for (const [k, v] of Object.entries(b.counts.mix ?? {})) mix[k] = (mix[k] ?? 0) + v;
  const ranges = [a.counts, b.counts].flatMap((c) => c.slices ?? [`${c.slice} = ${c.from}–${c.to - 1}`]);
  Object.assign(counts, { byKind, mix, slice: 'joined', slices: ranges });
  delete counts.from;
  delete counts.to;
  const c = counts;
  return {
    ok: a.ok && b.ok,
    ms: Math.max(a.ms, b.ms),
    counts,
    notes: [...(a.notes ?? []), ...(b.notes ?? []), `slices joined: ${ranges.join('; ')}`],
    failures: [...a.failures, ...b.failures],
    summary: `${c.histories} histories, ${c.migrations} migrations, ${c.ops} ops: ${c.mismatches} mismatches, ${c.leftovers} leftovers, ${c.replayDiffs} replay diffs, ${c.orderErrors} order errors, ${c.untyped} untyped, ${c.planDiffs} plan diffs, ${c.refused} refused, ${c.dataDiffs} data diffs (${c.rowsWritten} rows written, ${c.rowChecks} row checks)`,
  };
}

/**
 * One table and one JSON line from the reports of runs saved with `--save` (e.g. two lanes of
 * databases run side by side).
 * @example mergeReports(['.work/full-a.json', '.work/full-b.json'], console.log);
 * @param {readonly string[]} files
 * @param {(line: string) => void} out
 */
export function mergeReports(files, out) {
  const runs = files.map((f) => JSON.parse(readFileSync(f, 'utf8')));
  // A database found in several files: later files override its properties one by one (a rerun of one property).
  const byKey = new Map();
  for (const r of runs.flatMap((x) => x.reports)) {
    const prev = byKey.get(r.key);
    if (!prev || prev.skipped || r.skipped) {
      byKey.set(r.key, r);
      continue;
    }
    const results = { ...prev.results, ...r.results };
    const [a, b] = [prev.results?.roundTrip, r.results?.roundTrip];
    if (a?.counts?.slice && b?.counts?.slice) results.roundTrip = joinSlices(a, b);
    byKey.set(r.key, { ...prev, results, ok: Object.values(results).every((x) => x.ok), ms: Object.values(results).reduce((n, x) => n + x.ms, 0) });
  }
  const reports = [...byKey.values()];
  out(reportTable(reports));
  out(summaryJson(reports, { mode: runs[0]?.mode ?? 'full', seed: runs[0]?.seed ?? 0 }));
  return reports.every((r) => r.skipped || r.ok);
}
