import { PROPERTIES } from './modes.mjs';

const LABELS = {
  tamper: 'tamper',
  productionGuard: 'prd guard',
  staleLock: 'stale lock',
  concurrency: 'concurrency',
  crash: 'crash',
  badInput: 'bad input',
  secrets: 'secrets',
  roundTrip: 'round trip',
};

/**
 * The Markdown table of a run: one row per database, one column per property (✓/✗ with the
 * key figures), and the database's wall-clock time.
 * @example console.log(reportTable(reports));
 * @param {readonly any[]} reports
 */
export function reportTable(reports) {
  const header = ['database', ...PROPERTIES.map((p) => LABELS[p]), 'time'];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const r of reports) {
    if (r.skipped) {
      lines.push(`| ${r.key} | ${PROPERTIES.map(() => '–').join(' | ')} | skipped: ${r.skipped} |`);
      continue;
    }
    if (r.provisionError) {
      lines.push(`| ${r.key} | ${PROPERTIES.map(() => '✗').join(' | ')} | setup failed: ${r.provisionError} |`);
      continue;
    }
    const cells = PROPERTIES.map((p) => {
      const x = r.results[p];
      if (!x) return '–';
      return `${x.ok ? '✓' : '✗'} ${cell(p, x)} (${(x.ms / 1000).toFixed(1)} s)`;
    });
    lines.push(`| ${r.key} | ${cells.join(' | ')} | ${(r.ms / 1000).toFixed(1)} s |`);
  }
  return lines.join('\n');
}

function cell(property, x) {
  const c = x.counts ?? {};
  switch (property) {
    case 'concurrency':
      return `${c.processes}×${c.migrations}: ${c.applied} applied, ${c.historyRows} rows, ${c.malformed} malformed${nodes(c)}`;
    case 'crash':
      return `${c.killed}/${c.trials} killed, ${c.equalSchema} equal, rows kept ${c.rowsKept}${nodes(c)}${c.schemaEqualOnAllNodes !== undefined && c.takeoverMsMin !== undefined ? `, takeover ${c.takeoverMsMin}–${c.takeoverMsMax} ms` : ''}`;
    case 'staleLock':
      return `live kept, takeover ${c.takeoverMs} ms`;
    case 'tamper':
      return `${c.mismatches}/${c.attempts} refused`;
    case 'badInput':
      return `${c.cases} cases, ${c.succeeded} ok, ${c.typedErrors} typed, ${c.otherErrors} untyped, ${c.partialChanges} partial`;
    case 'secrets':
      return `${c.checks} texts, ${c.leaks} leaks`;
    case 'productionGuard':
      return `${c.refused}/${c.attempts} refused`;
    case 'roundTrip':
      return `${c.histories} histories, ${c.migrations} migrations, ${c.ops} ops, ${c.mismatches} mismatches, ${c.leftovers} leftovers, ${c.replayDiffs} replay diffs, ${c.orderErrors} order errors, ${c.untyped} untyped`;
    default:
      return '';
  }
}

/** A cluster's figures: duplicates, and whether every node held the same schema. */
function nodes(c) {
  if (c.schemaEqualOnAllNodes === undefined) return '';
  return `, ${c.duplicates} duplicates, schema ${c.schemaEqualOnAllNodes ? 'equal' : 'NOT equal'} on all ${c.nodes} nodes`;
}

/**
 * The last line of a run: one JSON object with the counts per database.
 * @example const line = summaryJson(reports, { mode: 'full', seed: 1 });
 * @param {readonly any[]} reports
 * @param {{ mode: string, seed: number }} meta
 */
export function summaryJson(reports, meta) {
  const databases = {};
  for (const r of reports) {
    if (r.skipped) {
      databases[r.key] = { skipped: r.skipped };
      continue;
    }
    databases[r.key] = { ok: r.ok, ms: r.ms, ...(r.provisionError ? { error: r.provisionError } : {}) };
    for (const [p, x] of Object.entries(r.results ?? {})) databases[r.key][p] = { ok: x.ok, ms: x.ms, ...x.counts, failures: x.failures.length };
  }
  return JSON.stringify({ reliability: meta.mode, seed: meta.seed, ok: reports.every((r) => r.skipped || r.ok), databases });
}
