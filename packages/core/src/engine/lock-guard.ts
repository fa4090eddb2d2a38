import { setTimeout as sleep } from 'node:timers/promises';
import type { LockHandle, LockOwner, LockStore } from '../adapter/lock.js';
import { LockLostError, LockTimeoutError } from '../errors/errors.js';

export interface LockGuardOptions {
  readonly timeoutMs: number;
  readonly leaseMs: number;
  readonly onWait?: (heldBy: string | undefined) => void;
}

/**
 * Holds the migration lock for a run: polls with backoff until the timeout, renews the lease
 * every third of it, and says when the lease was lost so the engine stops before the next step.
 */
export class LockGuard {
  #lost = false;
  #renewedAt: number;
  readonly #timer: NodeJS.Timeout;

  private constructor(
    private readonly store: LockStore,
    private readonly handle: LockHandle,
    private readonly leaseMs: number,
  ) {
    this.#renewedAt = Date.now();
    this.#timer = setInterval(() => void this.#renew(), Math.max(10, Math.floor(leaseMs / 3)));
    this.#timer.unref();
  }

  /**
   * Waits for the lock. Throws LockTimeoutError naming the holder after `timeoutMs`.
   * @example const guard = await LockGuard.acquire(adapter.lock, owner, { timeoutMs: 60_000, leaseMs: 30_000 });
   */
  static async acquire(store: LockStore, owner: LockOwner, options: LockGuardOptions): Promise<LockGuard> {
    const started = Date.now();
    let delay = 25;
    let notified = false;
    for (;;) {
      const result = await store.tryAcquire(owner, options.leaseMs);
      if (result.acquired) return new LockGuard(store, result.handle, options.leaseMs);
      const elapsed = Date.now() - started;
      if (elapsed >= options.timeoutMs) throw new LockTimeoutError(result.heldBy, options.timeoutMs);
      if (!notified) options.onWait?.(result.heldBy);
      notified = true;
      await sleep(Math.min(delay + Math.random() * delay, options.timeoutMs - elapsed));
      delay = Math.min(delay * 2, 1000);
    }
  }

  /** Throws LockLostError when the lease was lost or could not be renewed in time. */
  assertHeld(migrationName: string): void {
    if (this.#lost || Date.now() - this.#renewedAt > this.leaseMs) throw new LockLostError(migrationName);
  }

  async release(): Promise<void> {
    clearInterval(this.#timer);
    if (!this.#lost) await this.store.release(this.handle);
  }

  async #renew(): Promise<void> {
    if (this.#lost) return;
    try {
      if (await this.store.renew(this.handle, this.leaseMs)) this.#renewedAt = Date.now();
      else this.#lost = true;
    } catch {
      // A transient failure: assertHeld notices if no renewal lands within the lease.
    }
  }
}
