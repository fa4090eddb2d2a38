import { reportTable, summaryJson } from './report.mjs';

/**
 * Writes the Markdown table, one `✗` line per failure, the notes and, last, the JSON summary line.
 * @example printReports(reports, { quick: false, seed: 1 }, console.log);
 * @param {readonly object[]} reports
 * @param {{ quick: boolean, seed: number }} args
 * @param {(line: string) => void} out
 */
export function printReports(reports, args, out) {
  out(reportTable(reports));
  for (const r of reports) for (const [p, x] of Object.entries(r.results ?? {})) for (const f of x.failures ?? []) out(`✗ ${r.key} ${p}: ${f}`);
  for (const r of reports) for (const [p, x] of Object.entries(r.results ?? {})) for (const n of x.notes ?? []) out(`note ${r.key} ${p}: ${n}`);
  out(summaryJson(reports, { mode: args.quick ? 'quick' : 'full', seed: args.seed }));
}
