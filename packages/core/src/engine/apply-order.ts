import type { HistoryRow } from '../adapter/history.js';

/**
 * History rows in the order their migrations were applied: rows with an `appliedAt` by that
 * time (ties keep the stored order), then rows never applied (failed or running `up` runs) in
 * the stored order. A migration that failed and later succeeded therefore sits where it
 * succeeded, whatever row position the store kept for it. Every walk backwards (down,
 * rollbackTo, plan --down, promote) uses this order.
 * @example inApplyOrder(await adapter.history.list()).map((e) => e.name)
 */
export function inApplyOrder<E extends HistoryRow>(entries: readonly E[]): E[] {
  const indexed = entries.map((entry, index) => ({ entry, index, at: entry.appliedAt ? entry.appliedAt.getTime() : Number.POSITIVE_INFINITY }));
  indexed.sort((a, b) => (a.at === b.at ? a.index - b.index : a.at - b.at));
  return indexed.map((x) => x.entry);
}

/**
 * An `appliedAt` later than every one in `rows`, so two migrations applied in the same
 * millisecond still sort in the order they were applied.
 * @example nextAppliedAt(rows.values()) // >= now, > every recorded appliedAt
 */
export function nextAppliedAt(rows: Iterable<HistoryRow>): Date {
  let last = 0;
  for (const e of rows) if (e.appliedAt) last = Math.max(last, e.appliedAt.getTime());
  return new Date(Math.max(Date.now(), last + 1));
}

const clocks = new WeakMap<object, { last: number }>();

/**
 * nextAppliedAt for a run that records many migrations against the same rows: reads `rows` once
 * (the first call for that map), then keeps the last time it gave, so each call is O(1) instead
 * of a walk over every history row (1,000 migrations applied in one run walked 500,000 rows).
 * Times only go up: a row removed later (a down) leaves the floor where it was, which is safe.
 * @example const at = nextAppliedAtOf(rows) // > every appliedAt in rows, and > the last one it gave
 */
export function nextAppliedAtOf(rows: ReadonlyMap<string, HistoryRow>): Date {
  let clock = clocks.get(rows);
  if (!clock) {
    clock = { last: nextAppliedAt(rows.values()).getTime() - 1 };
    clocks.set(rows, clock);
  }
  clock.last = Math.max(Date.now(), clock.last + 1);
  return new Date(clock.last);
}
