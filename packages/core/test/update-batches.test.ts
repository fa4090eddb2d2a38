import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LOCK_MS, InvalidArgumentError, MIN_BATCH_SIZE, UpdateBatches, nextBatchSize, progressEvent } from '../src/index.js';

describe('nextBatchSize (the one sizing rule of db.update batches)', () => {
  it('halves after a batch slower than maxLockMs, down to the floor and no further', () => {
    expect(nextBatchSize({ current: 5000, max: 5000, elapsedMs: 201, maxLockMs: 200 })).toBe(2500);
    expect(nextBatchSize({ current: 2500, max: 5000, elapsedMs: 900, maxLockMs: 200 })).toBe(1250);
    expect(nextBatchSize({ current: 150, max: 5000, elapsedMs: 900, maxLockMs: 200 })).toBe(MIN_BATCH_SIZE);
    expect(nextBatchSize({ current: MIN_BATCH_SIZE, max: 5000, elapsedMs: 5000, maxLockMs: 200 })).toBe(MIN_BATCH_SIZE);
  });

  it('the floor is the batchSize when that is smaller than MIN_BATCH_SIZE', () => {
    expect(nextBatchSize({ current: 10, max: 10, elapsedMs: 900, maxLockMs: 200 })).toBe(10);
    expect(nextBatchSize({ current: 1, max: 1, elapsedMs: 900, maxLockMs: 200 })).toBe(1);
  });

  it('doubles after a batch that took at most half of maxLockMs, never above batchSize', () => {
    expect(nextBatchSize({ current: 1250, max: 5000, elapsedMs: 100, maxLockMs: 200 })).toBe(2500);
    expect(nextBatchSize({ current: 2500, max: 5000, elapsedMs: 10, maxLockMs: 200 })).toBe(5000);
    expect(nextBatchSize({ current: 5000, max: 5000, elapsedMs: 1, maxLockMs: 200 })).toBe(5000);
    expect(nextBatchSize({ current: 3000, max: 5000, elapsedMs: 1, maxLockMs: 200 })).toBe(5000);
  });

  it('keeps the size between half and all of maxLockMs (no flip-flop: double the rows fits again)', () => {
    expect(nextBatchSize({ current: 2500, max: 5000, elapsedMs: 101, maxLockMs: 200 })).toBe(2500);
    expect(nextBatchSize({ current: 2500, max: 5000, elapsedMs: 200, maxLockMs: 200 })).toBe(2500);
  });

  it('settles where a batch fits when batch time grows with its rows', () => {
    // 0.1 ms per row: 5,000 rows take 500 ms; at maxLockMs 200 the size settles at 1,250 (125 ms).
    let size = 5000;
    const sizes: number[] = [];
    for (let i = 0; i < 8; i++) {
      size = nextBatchSize({ current: size, max: 5000, elapsedMs: size * 0.1, maxLockMs: 200 });
      sizes.push(size);
    }
    expect(sizes).toEqual([2500, 1250, 1250, 1250, 1250, 1250, 1250, 1250]);
  });
});

describe('progressEvent (rate and ETA)', () => {
  it('rows per second over this run and the ETA at that rate', () => {
    expect(progressEvent({ rowsUpdated: 500, batches: 1, rowsDone: 500, total: 2000, rowsAtStart: 0, elapsedMs: 1000 })).toEqual({
      rowsUpdated: 500,
      batches: 1,
      rowsDone: 500,
      total: 2000,
      rowsPerSecond: 500,
      etaMs: 3000,
    });
  });

  it('rows of an interrupted earlier run do not count in the rate', () => {
    const p = progressEvent({ rowsUpdated: 1500, batches: 1, rowsDone: 1500, total: 2000, rowsAtStart: 1000, elapsedMs: 2000 });
    expect(p.rowsPerSecond).toBe(250);
    expect(p.etaMs).toBe(2000);
  });

  it('no total: no ETA; a total already passed (a low estimate): ETA 0; nothing done yet: no ETA', () => {
    expect(progressEvent({ rowsUpdated: 5, batches: 1, rowsDone: 5, total: undefined, rowsAtStart: 0, elapsedMs: 10 }).etaMs).toBeUndefined();
    expect(progressEvent({ rowsUpdated: 5, batches: 1, rowsDone: 12, total: 10, rowsAtStart: 0, elapsedMs: 10 }).etaMs).toBe(0);
    const none = progressEvent({ rowsUpdated: 0, batches: 1, rowsDone: 0, total: 10, rowsAtStart: 0, elapsedMs: 10 });
    expect(none.rowsPerSecond).toBe(0);
    expect(none.etaMs).toBeUndefined();
    expect(progressEvent({ rowsUpdated: 1, batches: 1, rowsDone: 1, total: 10, rowsAtStart: 0, elapsedMs: 0 }).rowsPerSecond).toBe(0);
  });
});

describe('UpdateBatches', () => {
  it('checks the options before any IO', () => {
    expect(() => new UpdateBatches({ batchSize: 0 }, 5000)).toThrow(InvalidArgumentError);
    expect(() => new UpdateBatches({ batchSize: 2.5 }, 5000)).toThrow(/batchSize must be a positive integer/);
    expect(() => new UpdateBatches({ maxLockMs: 0 }, 5000)).toThrow(/maxLockMs must be a positive number/);
    expect(() => new UpdateBatches({ maxLockMs: Number.NaN }, 5000)).toThrow(InvalidArgumentError);
    expect(() => new UpdateBatches({ onProgress: 'x' as never }, 5000)).toThrow(/onProgress must be a function/);
    expect(() => new UpdateBatches({ onBatch: 1 as never }, 5000)).toThrow(/onBatch must be a function/);
    const run = new UpdateBatches({}, 5000);
    expect(run.size).toBe(5000);
    expect(run.maxLockMs).toBe(DEFAULT_MAX_LOCK_MS);
  });

  it('times batches, sizes the next one, keeps the longest and reports progress per batch', async () => {
    let clock = 0;
    const events: unknown[] = [];
    const run = new UpdateBatches({ batchSize: 1000, maxLockMs: 100, onProgress: (p) => events.push(p) }, 5000, () => clock);
    run.start({ rowsDone: 0, total: 3000 });
    const sizes: number[] = [];
    for (const took of [250, 40, 60]) {
      sizes.push(run.size);
      await run.time(async () => {
        clock += took;
      });
      run.report({ rowsUpdated: 500 * run.batches + 500, rowsDone: 500 * run.batches + 500 });
    }
    expect(sizes).toEqual([1000, 500, 1000]);
    expect(run.size).toBe(1000);
    expect(run.result(1500)).toEqual({ rowsUpdated: 1500, batches: 3, longestBatchMs: 250 });
    expect(events).toEqual([
      { rowsUpdated: 500, batches: 1, rowsDone: 500, total: 3000, rowsPerSecond: 2000, etaMs: 1250 },
      { rowsUpdated: 1000, batches: 2, rowsDone: 1000, total: 3000, rowsPerSecond: 3448.3, etaMs: 580 },
      { rowsUpdated: 1500, batches: 3, rowsDone: 1500, total: 3000, rowsPerSecond: 4285.7, etaMs: 350 },
    ]);
  });
});

describe('UpdateBatches with onBatch only', () => {
  it('tells onBatch the rows so far without asking the adapter to count the rows first', () => {
    const seen: number[] = [];
    const run = new UpdateBatches({ onBatch: (rows) => seen.push(rows) }, 10);
    // wantsProgress is what makes every adapter run a full count before the first batch.
    expect(run.wantsProgress).toBe(false);
    run.start({ rowsDone: 0, total: undefined });
    run.report({ rowsUpdated: 10, rowsDone: 10 });
    run.report({ rowsUpdated: 14, rowsDone: 14 });
    expect(seen).toEqual([10, 14]);
    expect(run.batches).toBe(2);
    expect(new UpdateBatches({ onProgress: () => {} }, 10).wantsProgress).toBe(true);
  });
});

describe('UpdateBatches and a listener that throws', () => {
  it('passes the error on and knows it came from the listener', () => {
    const boom = new Error('listener');
    const run = new UpdateBatches(
      {
        onProgress: () => {
          throw boom;
        },
      },
      10,
    );
    let caught: unknown;
    try {
      run.report({ rowsUpdated: 1, rowsDone: 1 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBe(boom);
    expect(run.threwInListener(boom)).toBe(true);
    expect(run.threwInListener(new Error('other'))).toBe(false);
  });
});
