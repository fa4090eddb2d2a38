import type { Step } from '@ductape/core';

/**
 * How many steps stay applied when step `failAt` fails: everything before the failing segment.
 * With transactional DDL a segment is a run of steps that may share a transaction (an
 * outside-transaction step is a segment of its own); without it every step is its own segment.
 * @example expectedApplied(steps, 3, true)
 */
export function expectedApplied(steps: readonly Step[], failAt: number, transactionalDdl: boolean): number {
  if (!transactionalDdl || steps[failAt]?.outsideTransaction) return failAt;
  let start = failAt;
  while (start > 0 && !steps[start - 1]?.outsideTransaction) start--;
  return start;
}
