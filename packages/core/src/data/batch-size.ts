/** The default `maxLockMs` of `db.update`: see UpdateOptions.maxLockMs and the core README. */
export const DEFAULT_MAX_LOCK_MS = 200;

/** The smallest batch the sizing rule shrinks to (or batchSize, when that is smaller). */
export const MIN_BATCH_SIZE = 100;

/**
 * The sizing rule of every adapter's `db.update` batches, in one place: a batch that took longer
 * than `maxLockMs` halves the next one (not below MIN_BATCH_SIZE, or `max` when that is smaller);
 * a batch that took at most half of it doubles the next one (not above `max`, the batchSize);
 * in between the size stays. Growing only below half keeps the size from flip-flopping: a batch
 * twice as large takes about twice as long, so it still fits.
 * @example nextBatchSize({ current: 5000, max: 5000, elapsedMs: 450, maxLockMs: 200 }) // 2500
 */
export function nextBatchSize(input: { readonly current: number; readonly max: number; readonly elapsedMs: number; readonly maxLockMs: number }): number {
  const { current, max, elapsedMs, maxLockMs } = input;
  const floor = Math.min(MIN_BATCH_SIZE, max);
  if (elapsedMs > maxLockMs) return Math.max(floor, Math.floor(current / 2));
  if (elapsedMs * 2 <= maxLockMs) return Math.min(max, current * 2);
  return Math.min(max, Math.max(floor, current));
}
