import type { AcquireResult, LockHandle, LockOwner, LockStore } from '../adapter/lock.js';
import type { MemoryDatabase } from './memory-database.js';

/** A lease lock with a fencing token, like the ones the document/key-value adapters use. */
export class MemoryLockStore implements LockStore {
  constructor(private readonly db: MemoryDatabase) {}

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    await this.#io();
    const now = this.db.now();
    const lock = this.db.lock;
    if (lock && lock.expiresAt > now && lock.ownerId !== owner.id) {
      return { acquired: false, heldBy: `${lock.description} (lease until ${new Date(lock.expiresAt).toISOString()})` };
    }
    const token = ++this.db.lockTokens;
    this.db.lock = { ownerId: owner.id, description: owner.description, expiresAt: now + leaseMs, token };
    return { acquired: true, handle: { owner, token } };
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    await this.#io();
    const lock = this.db.lock;
    if (!lock || lock.ownerId !== handle.owner.id || lock.token !== handle.token) return false;
    lock.expiresAt = this.db.now() + leaseMs;
    return true;
  }

  async release(handle: LockHandle): Promise<void> {
    await this.#io();
    if (this.db.lock?.token === handle.token) this.db.lock = undefined;
  }

  async holder(): Promise<string | undefined> {
    await this.#io();
    const lock = this.db.lock;
    return lock && lock.expiresAt > this.db.now() ? lock.description : undefined;
  }

  async forceRelease(): Promise<void> {
    await this.#io();
    this.db.lock = undefined;
  }

  async #io(): Promise<void> {
    this.db.ioCount++;
    await Promise.resolve();
  }
}
