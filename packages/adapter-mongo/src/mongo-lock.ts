import type { AcquireResult, LockHandle, LockOwner, LockStore } from '@ductape/core';
import { type Collection, MongoServerError } from 'mongodb';
import type { MongoDriver } from './mongo-driver.js';

/** The lock collection's name: one document per acquisition, `_id` = its fencing token. */
export const LOCK_COLLECTION = '_ductape_lock';
const DUPLICATE_KEY = 11000;
/** Older acquisitions kept for diagnosis; the rest are deleted when the lock is taken. */
const KEEP = 20;

interface LeaseDoc {
  _id: number;
  ownerId: string;
  description: string;
  expiresAt: Date;
  acquiredAt: Date;
  released: boolean;
}

/**
 * A lease lock whose only atomic primitive is an insert with a unique `_id`, because FerretDB
 * 1.x does not apply conditional updates atomically across connections (measured: two
 * findOneAndUpdate on an expired lease both "win"); real MongoDB's are atomic, and this works
 * there too. Each acquisition inserts the next token (`_id` = latest + 1) once the latest lease
 * is released or expired; racing runners collide on the `_id` and only one wins. The winner then
 * re-reads the lease it took over: if its holder renewed it meanwhile, the winner backs off.
 * The holder renews its own lease document and checks that no newer lease exists, so
 * between the two one always sees the other. Tokens never go back. Leases use this machine's
 * clock: keep runners' clocks in sync to well under the lease (30 s by default).
 * @example const r = await lock.tryAcquire({ id: randomUUID(), description: 'ci pid 42' }, 30_000);
 */
export class MongoLeaseLock implements LockStore {
  constructor(private readonly driver: MongoDriver) {}

  get #coll(): Collection<LeaseDoc> {
    return this.driver.db.collection<LeaseDoc>(LOCK_COLLECTION);
  }

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    const latest = await this.#latest();
    const now = new Date();
    if (latest && isLive(latest, now) && latest.ownerId !== owner.id) return { acquired: false, heldBy: describe(latest) };
    const token = (latest?._id ?? 0) + 1;
    try {
      await this.#coll.insertOne({ _id: token, ownerId: owner.id, description: owner.description, expiresAt: new Date(now.getTime() + leaseMs), acquiredAt: now, released: false });
    } catch (error) {
      if (!(error instanceof MongoServerError && error.code === DUPLICATE_KEY)) throw error;
      const winner = await this.#latest();
      return { acquired: false, ...(winner ? { heldBy: describe(winner) } : {}) };
    }
    const previous = latest ? await this.#coll.findOne({ _id: latest._id }) : null;
    if (previous && previous.ownerId !== owner.id && isLive(previous, new Date())) {
      await this.#coll.updateOne({ _id: token }, { $set: { released: true, expiresAt: new Date(0) } });
      return { acquired: false, heldBy: describe(previous) };
    }
    await this.#coll.deleteMany({ _id: { $lt: token - KEEP } });
    return { acquired: true, handle: { owner, token } };
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    const r = await this.#coll.updateOne({ _id: handle.token, ownerId: handle.owner.id, released: false }, { $set: { expiresAt: new Date(Date.now() + leaseMs) } });
    if (r.matchedCount !== 1) return false;
    // Any later acquisition (even one that backed off or is already released) means the lease was lost.
    const newer = await this.#coll.findOne({ _id: { $gt: handle.token } });
    return newer === null;
  }

  async release(handle: LockHandle): Promise<void> {
    await this.#coll.updateOne({ _id: handle.token, ownerId: handle.owner.id }, { $set: { released: true, expiresAt: new Date(0) } });
  }

  /** Who holds the lock now, or undefined when it is free (for `ductape unlock`). */
  async holder(): Promise<string | undefined> {
    const latest = await this.#latest();
    return latest && isLive(latest, new Date()) ? describe(latest) : undefined;
  }

  /** Ends every live lease whoever holds it (`ductape unlock --yes`); its holder's next renew fails. */
  async forceRelease(): Promise<void> {
    await this.#coll.updateMany({ released: false }, { $set: { released: true, expiresAt: new Date(0) } });
  }

  #latest(): Promise<LeaseDoc | null> {
    return this.#coll.find({}).sort({ _id: -1 }).limit(1).next();
  }
}

function isLive(doc: LeaseDoc, now: Date): boolean {
  return !doc.released && doc.expiresAt.getTime() > now.getTime();
}

function describe(doc: LeaseDoc): string {
  return `${doc.description} (lease until ${doc.expiresAt.toISOString()}, token ${doc._id})`;
}
