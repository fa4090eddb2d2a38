/** Who holds, or wants, the lock. */
export interface LockOwner {
  /** Unique per run (random). */
  readonly id: string;
  /** For humans: host, pid, when. */
  readonly description: string;
}

/** A held lock. `token` increases with every takeover (a fencing token). */
export interface LockHandle {
  readonly owner: LockOwner;
  readonly token: number;
}

export type AcquireResult = { readonly acquired: true; readonly handle: LockHandle } | { readonly acquired: false; readonly heldBy?: string };

/**
 * One migration lock per database. `tryAcquire` does not wait: the engine polls with backoff
 * until its timeout. A lease that is not renewed expires, so a dead holder never blocks forever;
 * databases with session locks (PostgreSQL advisory locks, GET_LOCK) release on disconnect instead.
 */
export interface LockStore {
  tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult>;
  /** Extends the lease; false when the lock was lost (taken over after expiry). */
  renew(handle: LockHandle, leaseMs: number): Promise<boolean>;
  release(handle: LockHandle): Promise<void>;
  /** Optional: who holds the lock now (for `ductape unlock` and messages), or undefined when free. */
  holder?(): Promise<string | undefined>;
  /**
   * Optional: removes the lock whoever holds it (`ductape unlock --yes`). Session locks that vanish
   * with their holder's connection may implement it by ending that session.
   */
  forceRelease?(): Promise<void>;
}
