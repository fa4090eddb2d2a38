import { readFileSync } from 'node:fs';
import { reportTable, summaryJson } from './report.mjs';

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
    byKey.set(r.key, { ...prev, results, ok: Object.values(results).every((x) => x.ok), ms: Object.values(results).reduce((n, x) => n + x.ms, 0) });
  }
  const reports = [...byKey.values()];
  out(reportTable(reports));
  out(summaryJson(reports, { mode: runs[0]?.mode ?? 'full', seed: runs[0]?.seed ?? 0 }));
  return reports.every((r) => r.skipped || r.ok);
}
