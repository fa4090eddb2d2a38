import { type AcquireResult, DuctapeError, ErrorCodes, type LockHandle, type LockOwner, type LockStore } from '@ductape/core';
import type { CassandraDriver, Row } from './cassandra-driver.js';
import { qualify } from './quote.js';

/** The lock table in the adapter's keyspace: the lease row and the fencing-token row. */
export const LOCK_TABLE = '_ductape_lock';
const LEASE = 'lease';
const FENCE = 'fence';

/**
 * The migration lock as lightweight transactions (Paxos) on `<keyspace>._ductape_lock`:
 * taken with `INSERT … IF NOT EXISTS USING TTL <lease>`, renewed with
 * `UPDATE … USING TTL … IF owner = ? AND fence_token = ?`, released with `DELETE … IF owner = ? AND fence_token = ?`.
 * A dead holder's row expires with its TTL (lease rounded up to whole seconds). The fencing
 * token lives in a second row without TTL and is raised (conditionally) before every attempt,
 * so every holder's token is larger than any earlier holder's.
 * @example const r = await lock.tryAcquire({ id: 'run-1', description: 'ci pid 7' }, 30_000);
 */
export class CassandraLockStore implements LockStore {
  #ready: Promise<void> | undefined;

  constructor(
    private readonly driver: CassandraDriver,
    private readonly keyspace: string,
  ) {}

  get #table(): string {
    return qualify(this.keyspace, LOCK_TABLE);
  }

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    await this.#ensure();
    const token = await this.#nextToken();
    const insert = await this.driver.execute(`INSERT INTO ${this.#table} (name, owner, description, fence_token) VALUES (?, ?, ?, ?) IF NOT EXISTS USING TTL ?`, [
      LEASE,
      owner.id,
      owner.description,
      token,
      ttl(leaseMs),
    ]);
    if (insert.wasApplied()) return { acquired: true, handle: { owner, token } };
    const heldBy = describeHolder(insert.first());
    return { acquired: false, ...(heldBy ? { heldBy } : {}) };
  }

  /** Who holds the lock now, with the lease left, or undefined when it is free (`ductape unlock`). */
  async holder(): Promise<string | undefined> {
    await this.#ensure();
    const r = await this.driver.execute(`SELECT description, fence_token, TTL(owner) AS ttl FROM ${this.#table} WHERE name = ?`, [LEASE]);
    const row = r.first();
    const heldBy = describeHolder(row);
    return heldBy && row?.get('ttl') != null ? `${heldBy}, lease ends in ${String(row.get('ttl'))} s` : heldBy;
  }

  /** Removes the lease whoever holds it (`ductape unlock --yes`); the holder's next renew fails. */
  async forceRelease(): Promise<void> {
    await this.#ensure();
    await this.driver.execute(`DELETE FROM ${this.#table} WHERE name = ? IF EXISTS`, [LEASE]);
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    const r = await this.driver.execute(`UPDATE ${this.#table} USING TTL ? SET owner = ?, description = ?, fence_token = ? WHERE name = ? IF owner = ? AND fence_token = ?`, [
      ttl(leaseMs),
      handle.owner.id,
      handle.owner.description,
      handle.token,
      LEASE,
      handle.owner.id,
      handle.token,
    ]);
    return r.wasApplied();
  }

  async release(handle: LockHandle): Promise<void> {
    await this.driver.execute(`DELETE FROM ${this.#table} WHERE name = ? IF owner = ? AND fence_token = ?`, [LEASE, handle.owner.id, handle.token]);
  }

  /** Raises the fencing token by one with a compare-and-set, retrying on contention. */
  async #nextToken(): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.driver.execute(`SELECT fence_token FROM ${this.#table} WHERE name = ?`, [FENCE]);
      const value = current.rowLength > 0 ? Number(current.first().get('fence_token')) : undefined;
      const next = (value ?? 0) + 1;
      const r =
        value === undefined
          ? await this.driver.execute(`INSERT INTO ${this.#table} (name, fence_token) VALUES (?, ?) IF NOT EXISTS`, [FENCE, next])
          : await this.driver.execute(`UPDATE ${this.#table} SET fence_token = ? WHERE name = ? IF fence_token = ?`, [next, FENCE, value]);
      if (r.wasApplied()) return next;
      if (attempt >= 20)
        throw new DuctapeError(
          ErrorCodes.lockTimeout,
          'could not raise the migration lock fencing token: 20 compare-and-set attempts lost',
          'too many runners are contending for the lock; retry later',
        );
    }
  }

  #ensure(): Promise<void> {
    this.#ready ??= this.driver.execute(`CREATE TABLE IF NOT EXISTS ${this.#table} (name text PRIMARY KEY, owner text, description text, fence_token bigint)`, [], true).then(
      () => undefined,
      (error: unknown) => {
        this.#ready = undefined;
        throw error;
      },
    );
    return this.#ready;
  }
}

function describeHolder(row: Row | undefined): string | undefined {
  const description = row?.get('description') as string | null | undefined;
  return description ? `${description} (token ${String(row?.get('fence_token'))})` : undefined;
}

/** A lease in whole seconds (Cassandra TTLs are seconds), at least one. */
function ttl(leaseMs: number): number {
  return Math.max(1, Math.ceil(leaseMs / 1000));
}
