import { performance } from 'node:perf_hooks';
import { InvalidArgumentError } from '../errors/errors.js';
import { DEFAULT_MAX_LOCK_MS, nextBatchSize } from './batch-size.js';
import { progressEvent } from './update-progress.js';
import type { UpdateOptions, UpdateResult } from './update-request.js';

/**
 * The batch loop's bookkeeping that every adapter's `updateRows` shares: the options checked
 * (before any IO), the next batch's size (nextBatchSize after each timed batch), the longest
 * batch, and the progress events (progressEvent) after each committed batch.
 * @example
 * const run = new UpdateBatches(options, 5000);
 * run.start({ rowsDone: 0, total: await count() });
 * const n = await run.time(() => runBatch(run.size));
 * run.report({ rowsUpdated: n, rowsDone: n });
 * return run.result(n);
 */
export class UpdateBatches {
  /** The batchSize: no batch is larger. */
  readonly max: number;
  readonly maxLockMs: number;
  /** The size of the next batch. */
  size: number;
  /** Batches committed by this run. */
  batches = 0;
  /** The longest timed batch of this run, in ms. */
  longestMs = 0;
  readonly #onProgress: UpdateOptions['onProgress'];
  readonly #onBatch: UpdateOptions['onBatch'];
  readonly #now: () => number;
  #startedAt: number;
  #rowsAtStart = 0;
  #total: number | undefined;
  #listenerError: { error: unknown } | undefined;

  constructor(options: UpdateOptions, defaultBatchSize: number, now: () => number = () => performance.now()) {
    const max = options.batchSize ?? defaultBatchSize;
    if (!Number.isInteger(max) || max < 1) throw new InvalidArgumentError('batchSize', 'a positive integer', max);
    const maxLockMs = options.maxLockMs ?? DEFAULT_MAX_LOCK_MS;
    if (typeof maxLockMs !== 'number' || !Number.isFinite(maxLockMs) || maxLockMs <= 0) throw new InvalidArgumentError('maxLockMs', 'a positive number of milliseconds', maxLockMs);
    if (options.onProgress !== undefined && typeof options.onProgress !== 'function') throw new InvalidArgumentError('onProgress', 'a function', options.onProgress);
    if (options.onBatch !== undefined && typeof options.onBatch !== 'function') throw new InvalidArgumentError('onBatch', 'a function', options.onBatch);
    this.max = max;
    this.maxLockMs = maxLockMs;
    this.size = max;
    this.#onProgress = options.onProgress;
    this.#onBatch = options.onBatch;
    this.#now = now;
    this.#startedAt = now();
  }

  /** Whether someone listens to progress (then an adapter takes the total before the first batch); `onBatch` alone does not count. */
  get wantsProgress(): boolean {
    return this.#onProgress !== undefined;
  }

  /** Where the run starts: rows done by an interrupted earlier run, and the total when known. The rate counts from here. */
  start(at: { readonly rowsDone: number; readonly total: number | undefined }): void {
    this.#rowsAtStart = at.rowsDone;
    this.#total = at.total;
    this.#startedAt = this.#now();
  }

  /** Runs one batch, timing it; its time sizes the next batch. */
  async time<T>(batch: () => Promise<T>): Promise<T> {
    const t0 = this.#now();
    const out = await batch();
    this.record(this.#now() - t0);
    return out;
  }

  /** A batch took `elapsedMs` (for adapters that time only part of a batch, e.g. without throttling waits). */
  record(elapsedMs: number): void {
    this.longestMs = Math.max(this.longestMs, elapsedMs);
    this.size = nextBatchSize({ current: this.size, max: this.max, elapsedMs, maxLockMs: this.maxLockMs });
  }

  /** A batch committed: counts it and tells the listener where the run stands. */
  report(at: { readonly rowsUpdated: number; readonly rowsDone: number }): void {
    this.batches++;
    this.#onBatch?.(at.rowsUpdated);
    if (!this.#onProgress) return;
    const event = progressEvent({
      rowsUpdated: at.rowsUpdated,
      batches: this.batches,
      rowsDone: at.rowsDone,
      total: this.#total,
      rowsAtStart: this.#rowsAtStart,
      elapsedMs: this.#now() - this.#startedAt,
    });
    try {
      this.#onProgress?.(event);
    } catch (error) {
      this.#listenerError = { error };
      throw error;
    }
  }

  /** Whether `error` is one the caller's onProgress threw (an adapter passes it on unwrapped). */
  threwInListener(error: unknown): boolean {
    return this.#listenerError !== undefined && this.#listenerError.error === error;
  }

  /** The run's result. */
  result(rowsUpdated: number): UpdateResult {
    return { rowsUpdated, batches: this.batches, longestBatchMs: Math.round(this.longestMs * 10) / 10 };
  }
}
