import type { HistoryRow, RunResult } from '@ductape/sdk';
import type { TargetNames } from './target-names.js';

/**
 * A history row as it appears in --json output (the migration body left out; `plan` shows steps).
 * @example entryJson(entry).status // 'applied'
 */
export function entryJson(e: HistoryRow): { [key: string]: unknown } {
  return {
    tag: e.tag,
    name: e.name,
    status: e.status,
    direction: e.direction,
    checksum: e.checksum,
    appliedAt: e.appliedAt?.toISOString() ?? null,
    startedAt: e.startedAt.toISOString(),
    executionMs: e.executionMs,
    stepsApplied: e.stepsApplied,
    stepsTotal: e.stepsTotal,
    error: e.error,
    appliedBy: e.appliedBy,
    ...(e.warnings && e.warnings.length > 0 ? { warnings: e.warnings } : {}),
  };
}

/**
 * `product/database (env)`, for headings. Never the connection.
 * @example targetLabel({ env: 'dev', product: 'app', database: 'main' }) // 'app/main (dev)'
 */
export function targetLabel(t: TargetNames): string {
  return `${t.product}/${t.database} (${t.env})`;
}

/**
 * One line per run result, e.g. `applied  20240115_143052_add_phone  3 steps  41 ms`.
 * @example resultLine(r)
 */
export function resultLine(r: RunResult): string {
  const what = r.outcome.replace('_', ' ');
  return `${what.padEnd(11)} ${r.tag}  ${r.stepsTotal} step${r.stepsTotal === 1 ? '' : 's'}  ${r.durationMs} ms`;
}

/**
 * The state of a migration given its history row: applied, changed (checksum differs), failed,
 * running, rolling-back (a rollback stopped part-way) or pending.
 * @example migrationState(entry, checksum) // 'applied'
 */
export function migrationState(e: HistoryRow | undefined, checksum: string): 'pending' | 'applied' | 'changed' | 'failed' | 'running' | 'rolling-back' {
  if (!e) return 'pending';
  if (e.direction === 'down') return 'rolling-back';
  if (e.status === 'applied') return e.checksum === checksum ? 'applied' : 'changed';
  return e.status;
}
