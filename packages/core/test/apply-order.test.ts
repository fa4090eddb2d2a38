import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../src/adapter/history.js';
import { nextAppliedAt, nextAppliedAtOf } from '../src/engine/apply-order.js';

const entry = (name: string, appliedAt?: Date): HistoryEntry => ({ name, appliedAt }) as unknown as HistoryEntry;

describe('nextAppliedAtOf (the applied-at clock of one run)', () => {
  it('gives times after every recorded appliedAt and after each it gave, reading the rows once', () => {
    const future = Date.now() + 60_000; // a row recorded ahead of this machine's clock
    const rows = new Map([
      ['a', entry('a', new Date(future - 5))],
      ['b', entry('b', new Date(future))],
      ['c', entry('c')],
    ]);
    const first = nextAppliedAtOf(rows).getTime();
    expect(first).toBe(future + 1);
    expect(first).toBe(nextAppliedAt(rows.values()).getTime() + 0);
    // Rows added after the first call are not walked again: the clock already gave later times.
    rows.set('d', entry('d', new Date(first)));
    const times = [nextAppliedAtOf(rows).getTime(), nextAppliedAtOf(rows).getTime(), nextAppliedAtOf(rows).getTime()];
    expect(times).toEqual([future + 2, future + 3, future + 4]);
    // Another run (another map) starts from its own rows.
    expect(nextAppliedAtOf(new Map()).getTime()).toBeLessThan(future);
  });
});
