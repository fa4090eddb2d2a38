import type { UpdateProgress } from './update-request.js';

/**
 * The arithmetic of a progress event: rows per second over this run (rows done by an earlier,
 * interrupted run are not counted in the rate) and, when the total is known, the ETA at that
 * rate. A total the run has already passed (an estimate that was low) gives an ETA of 0.
 * @example progressEvent({ rowsUpdated: 500, batches: 1, rowsDone: 500, total: 2000, rowsAtStart: 0, elapsedMs: 1000 }) // rowsPerSecond 500, etaMs 3000
 */
export function progressEvent(input: {
  readonly rowsUpdated: number;
  readonly batches: number;
  readonly rowsDone: number;
  readonly total: number | undefined;
  /** rowsDone when this run started (an interrupted run's rows). */
  readonly rowsAtStart: number;
  /** Since this run started. */
  readonly elapsedMs: number;
}): UpdateProgress {
  const { rowsUpdated, batches, rowsDone, total, rowsAtStart, elapsedMs } = input;
  const done = Math.max(0, rowsDone - rowsAtStart);
  const rowsPerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = total === undefined ? undefined : Math.max(0, total - rowsDone);
  const etaMs = left === undefined ? undefined : left === 0 ? 0 : rowsPerSecond > 0 ? Math.round((left * 1000) / rowsPerSecond) : undefined;
  return { rowsUpdated, batches, rowsDone, total, rowsPerSecond: Math.round(rowsPerSecond * 10) / 10, etaMs };
}
