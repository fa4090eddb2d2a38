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
  const reports = runs.flatMap((r) => r.reports);
  out(reportTable(reports));
  out(summaryJson(reports, { mode: runs[0]?.mode ?? 'full', seed: runs[0]?.seed ?? 0 }));
  return reports.every((r) => r.skipped || r.ok);
}
