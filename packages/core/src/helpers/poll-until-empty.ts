import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Calls `probe` until it answers an empty list, backing off from 50 ms to 500 ms between calls.
 * Answers `[]` once empty, or the last non-empty answer when `timeoutMs` has passed (the caller
 * turns it into its own error). For adapters that wait for the server to settle.
 * @example const left = await pollUntilEmpty(() => runningStatements(db), 60_000);
 * if (left.length > 0) throw new WorkStillRunningError(left, 60_000);
 */
export async function pollUntilEmpty<T>(probe: () => Promise<readonly T[]>, timeoutMs: number): Promise<readonly T[]> {
  const started = Date.now();
  let delay = 50;
  for (;;) {
    const found = await probe();
    if (found.length === 0) return found;
    const elapsed = Date.now() - started;
    if (elapsed >= timeoutMs) return found;
    await sleep(Math.min(delay, timeoutMs - elapsed));
    delay = Math.min(delay * 2, 500);
  }
}
