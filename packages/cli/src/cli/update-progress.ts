import type { UpdateProgress } from '@ductape/sdk';
import type { Output } from './output.js';

/** Shows `db.update`'s progress events while `ductape update` runs. */
export interface UpdateProgressView {
  readonly onProgress: (progress: UpdateProgress) => void;
  /** Clears the bar's line. */
  stop(): void;
}

/**
 * On a terminal (stderr a TTY, not --json): one line on stderr, redrawn after every batch
 * (progressLine). Elsewhere nothing: the command prints one summary line when it is done, so a
 * CI log gets no line per batch.
 * @example const view = updateProgressView(out); await db.update(request, { onProgress: view.onProgress }); view.stop();
 */
export function updateProgressView(out: Output): UpdateProgressView {
  if (!out.interactive) return { onProgress: () => undefined, stop: () => undefined };
  let drawn = false;
  return {
    onProgress: (p) => {
      drawn = true;
      out.raw(`\r\u001b[2K${progressLine(p, (process.stderr.columns || 100) - 1)}`);
    },
    stop: () => {
      if (drawn) out.raw('\r\u001b[2K');
    },
  };
}

/**
 * One progress line: a 20-wide bar when the total is known, rows done (of the total), rows per
 * second and the ETA; without a total, no bar and no ETA. Cut to `width`.
 * @example progressLine({ rowsUpdated: 25000, batches: 5, rowsDone: 25000, total: 100000, rowsPerSecond: 50000, etaMs: 1500 }, 100)
 * // '[#####---------------] 25% 25,000/100,000 rows  50,000 rows/s  ETA 2s  (5 batches)'
 */
export function progressLine(p: UpdateProgress, width = 100): string {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const parts: string[] = [];
  if (p.total !== undefined && p.total > 0) {
    const share = Math.min(1, p.rowsDone / p.total);
    const filled = Math.round(share * 20);
    parts.push(`[${'#'.repeat(filled)}${'-'.repeat(20 - filled)}] ${Math.floor(share * 100)}% ${n(p.rowsDone)}/${n(p.total)} rows`);
  } else parts.push(`${n(p.rowsDone)} rows`);
  parts.push(`${n(p.rowsPerSecond)} rows/s`);
  if (p.etaMs !== undefined) parts.push(`ETA ${duration(p.etaMs)}`);
  parts.push(`(${p.batches} batch${p.batches === 1 ? '' : 'es'})`);
  return parts.join('  ').slice(0, Math.max(10, width));
}

/**
 * A duration as a person reads it: `2s`, `3m 05s`, `1h 02m`.
 * @example duration(185000) // '3m 05s'
 */
export function duration(ms: number): string {
  const s = Math.ceil(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m ${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h ${String(m % 60).padStart(2, '0')}m`;
}
