import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Adapter } from '@ductape/sdk';
import { CLI_OWNER } from './open-target.js';

/**
 * Runs `fn` holding the migration lock (as the engine does for its runs), so a history edit
 * never races a migration. Waits up to `timeoutMs`, then fails naming the holder.
 * @example await holdLock(adapter, () => adapter.history.remove('add_phone'));
 */
export async function holdLock<T>(adapter: Adapter, fn: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const owner = { id: randomUUID(), description: CLI_OWNER };
  const started = Date.now();
  let delay = 50;
  for (;;) {
    const r = await adapter.lock.tryAcquire(owner, 60_000);
    if (r.acquired) {
      try {
        return await fn();
      } finally {
        await adapter.lock.release(r.handle).catch(() => undefined);
      }
    }
    if (Date.now() - started >= timeoutMs) {
      const { LockTimeoutError } = await import('@ductape/sdk');
      throw new LockTimeoutError(r.heldBy, timeoutMs);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
}
