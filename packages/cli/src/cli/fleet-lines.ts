import type { FleetEvent, FleetProgress, FleetStatus, FleetSummary } from '@ductape/sdk';
import type { Colors } from './colors.js';

/** Names listed in a summary line before "+N more". */
const NAMES_SHOWN = 5;

/**
 * The line of one target event of `up --fleet`, or undefined for an event that gets none
 * (`target-start`): `✓ tenant_a  2 applied`, `✓ tenant_c  up to date`, `✗ tenant_b  DUCTAPE_… message`,
 * `… tenant_d  skipped (locked)`.
 * @example fleetEventLine({ type: 'target-done', target: 'tenant_a', applied: 2, upToDate: false, ms: 40, progress }, colors(false)) // '✓ tenant_a  2 applied'
 */
export function fleetEventLine(e: FleetEvent, c: Colors): string | undefined {
  switch (e.type) {
    case 'target-start':
      return undefined;
    case 'target-done':
      return `${c.green('✓')} ${e.target}  ${e.upToDate ? 'up to date' : `${e.applied} applied`}`;
    case 'target-failed':
      return `${c.red('✗')} ${e.target}  ${e.code} ${e.message}`;
    case 'target-skipped-locked':
      return `${c.yellow('…')} ${e.target}  skipped (locked${e.heldBy ? ` by ${e.heldBy}` : ''}${e.retry ? '; left to that runner' : '; retried at the end'})`;
  }
}

/**
 * The last line of `up --fleet`: `24 targets: 22 done, 1 up to date, 1 failed (tenant_b)`, then
 * skipped and not started targets when there are any.
 * @example fleetSummaryLine(summary) // '3 targets: 2 done, 0 up to date, 1 failed (tenant_b)'
 */
export function fleetSummaryLine(s: FleetSummary): string {
  const parts = [`${s.done} done`, `${s.upToDate} up to date`];
  if (s.failed.length > 0) parts.push(`${s.failed.length} failed (${names(s.failed.map((f) => f.target))})`);
  if (s.skipped.length > 0) parts.push(`${s.skipped.length} skipped, locked by another runner (${names(s.skipped)})`);
  if (s.notStarted.length > 0) parts.push(`${s.notStarted.length} not started (stopped by ${s.stoppedBy === 'canary' ? 'the canary' : '--max-failures'})`);
  return `${s.targets} target${s.targets === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/**
 * The live line of `up --fleet` on a terminal:
 * `12/24 targets  9 done, 1 failed, 4 running, 10 left  27 applied, 3.2 migrations/s, ETA 1m 20s`
 * (no ETA before a first target finished).
 * @example fleetProgressLine({ done: 9, failed: 1, running: 4, left: 10, applied: 27, migrationsPerSecond: 3.2, etaMs: 80_000 }, 24)
 */
export function fleetProgressLine(p: FleetProgress, targets: number): string {
  const pace = `${p.applied} applied, ${p.migrationsPerSecond.toFixed(1)} migrations/s${p.etaMs === undefined ? '' : `, ETA ${duration(p.etaMs)}`}`;
  return `${p.done + p.failed}/${targets} targets  ${p.done} done, ${p.failed} failed, ${p.running} running, ${p.left} left  ${pace}`;
}

/**
 * A duration for humans, rounded up to the second: `45s`, `1m 20s`, `2h 05m`.
 * @example duration(80_000) // '1m 20s'
 */
export function duration(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * The table of `status --fleet`: one row per target with its applied, pending and failed counts,
 * and what is pending or failed (or why it could not be read).
 * @example fleetStatusTable(status, colors(false)).join('\n')
 */
export function fleetStatusTable(s: FleetStatus, c: Colors): string[] {
  const width = Math.max('target'.length, ...s.targets.map((t) => t.target.length));
  const head = `  ${'target'.padEnd(width)}  applied  pending  failed`;
  const rows = s.targets.map((t) => {
    const counts = `${String(t.applied).padStart(7)}  ${String(t.pending).padStart(7)}  ${String(t.failed).padStart(6)}`;
    const note = t.error
      ? c.red(`  unreachable: ${t.error.code} ${t.error.message}`)
      : t.failed > 0
        ? c.red(`  failed ${t.failedNames.join(', ')}`)
        : t.pending > 0
          ? c.yellow(`  pending ${names(t.pendingTags)}`)
          : '';
    return `  ${t.target.padEnd(width)}  ${counts}${note}`;
  });
  return [c.dim(head), ...rows];
}

function names(list: readonly string[]): string {
  return list.length <= NAMES_SHOWN ? list.join(', ') : `${list.slice(0, NAMES_SHOWN).join(', ')} +${list.length - NAMES_SHOWN} more`;
}
