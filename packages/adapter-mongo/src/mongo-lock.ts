import type { AcquireResult, LockHandle, LockOwner, LockStore } from '@ductape/core';
import { type Collection, MongoServerError } from 'mongodb';
import type { MongoDriver } from './mongo-driver.js';

/** The lock collection's name; the lock is its one document, `_id: 'migration'`. */
export const LOCK_COLLECTION = '_ductape_lock';
const LOCK_ID = 'migration';
const DUPLICATE_KEY = 11000;

interface LockDoc {
  _id: string;
  ownerId: string | null;
  description: string;
  expiresAt: Date;
  token: number;
  acquiredAt: Date;
}

/**
 * A lease lock in one document: owner, lease expiry and a fencing token that grows with every
 * acquisition (the document is never deleted, so the token never goes back). Acquired with one
 * atomic upsert conditional on "free, expired or already mine"; when the lock is held the upsert
 * hits the unique `_id` (duplicate key) and nothing changes. Renewed only by the same owner with
 * the same token; released by expiring the lease. Leases use this machine's clock: keep clocks
 * of runners in sync to well under the lease (30 s by default).
 * @example const r = await lock.tryAcquire({ id: randomUUID(), description: 'ci pid 42' }, 30_000);
 */
export class MongoLeaseLock implements LockStore {
  constructor(private readonly driver: MongoDriver) {}

  get #coll(): Collection<LockDoc> {
    return this.driver.db.collection<LockDoc>(LOCK_COLLECTION);
  }

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    const now = new Date();
    try {
      const doc = await this.#coll.findOneAndUpdate(
        { _id: LOCK_ID, $or: [{ expiresAt: { $lte: now } }, { ownerId: owner.id }] },
        { $set: { ownerId: owner.id, description: owner.description, expiresAt: new Date(now.getTime() + leaseMs), acquiredAt: now }, $inc: { token: 1 } },
        { upsert: true, returnDocument: 'after' },
      );
      if (doc && doc.ownerId === owner.id) return { acquired: true, handle: { owner, token: doc.token } };
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
    }
    const held = await this.#coll.findOne({ _id: LOCK_ID });
    return { acquired: false, ...(held ? { heldBy: `${held.description} (lease until ${held.expiresAt.toISOString()}, token ${held.token})` } : {}) };
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    const r = await this.#coll.updateOne(
      { _id: LOCK_ID, ownerId: handle.owner.id, token: handle.token },
      { $set: { expiresAt: new Date(Date.now() + leaseMs) } },
    );
    return r.matchedCount === 1;
  }

  async release(handle: LockHandle): Promise<void> {
    await this.#coll.updateOne({ _id: LOCK_ID, ownerId: handle.owner.id, token: handle.token }, { $set: { ownerId: null, expiresAt: new Date(0) } });
  }
}
