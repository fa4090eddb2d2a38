import { type AcquireResult, DuctapeError, ErrorCodes, type LockHandle, type LockOwner, type LockStore } from '@ductape/core';
import { setTimeout as sleep } from 'node:timers/promises';
import { type QueryOptions, errors, types } from 'cassandra-driver';
import type { CassandraDriver, Row } from './cassandra-driver.js';
import { qualify } from './quote.js';

/** The lock table in the adapter's keyspace: the lease row and the fencing-token row. */
export const LOCK_TABLE = '_ductape_lock';
const LEASE = 'lease';
const FENCE = 'fence';

/**
 * Every lightweight transaction of the lock: Paxos at SERIAL (a quorum of all replicas, in every
 * datacenter), commit at QUORUM. LOCAL_SERIAL would run Paxos among the local datacenter's
 * replicas only, so two runners in two datacenters could both take the lease; the lock must be
 * one lock for the whole cluster. (Mixing SERIAL and LOCAL_SERIAL on one partition is unsafe: every
 * runner of this adapter uses SERIAL.)
 */
export const LOCK_LWT: QueryOptions = { serialConsistency: types.consistencies.serial, consistency: types.consistencies.quorum };
/** Reads of the lock rows go through Paxos too (SERIAL): they see any lease a CAS has accepted, even one whose commit has not reached this replica. */
export const LOCK_READ: QueryOptions = { consistency: types.consistencies.serial };

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
    const insert = await this.#cas(`INSERT INTO ${this.#table} (name, owner, description, fence_token) VALUES (?, ?, ?, ?) IF NOT EXISTS USING TTL ?`, [
      LEASE,
      owner.id,
      owner.description,
      token,
      ttl(leaseMs),
    ]);
    if (insert === undefined) {
      // Outcome unknown (Paxos contention or a slow replica): the SERIAL read finishes the round
      // and tells whether our row is the lease.
      const row = await this.#readLease();
      if (isOurs(row, owner.id, token)) return { acquired: true, handle: { owner, token } };
      const heldBy = describeHolder(row);
      return { acquired: false, ...(heldBy ? { heldBy } : {}) };
    }
    if (insert.wasApplied()) return { acquired: true, handle: { owner, token } };
    const heldBy = describeHolder(insert.first());
    return { acquired: false, ...(heldBy ? { heldBy } : {}) };
  }

  /** Who holds the lock now, with the lease left, or undefined when it is free (`ductape unlock`). */
  async holder(): Promise<string | undefined> {
    await this.#ensure();
    const row = await this.#readLease();
    const heldBy = describeHolder(row);
    return heldBy && row?.get('ttl') != null ? `${heldBy}, lease ends in ${String(row.get('ttl'))} s` : heldBy;
  }

  /** Removes the lease whoever holds it (`ductape unlock --yes`); the holder's next renew fails. */
  async forceRelease(): Promise<void> {
    await this.#ensure();
    for (let attempt = 0; attempt < 5; attempt++) {
      if ((await this.#cas(`DELETE FROM ${this.#table} WHERE name = ? IF EXISTS`, [LEASE])) !== undefined) return;
      if ((await this.#readLease()) === undefined) return;
    }
    throw casUnknown('remove the migration lock');
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    const r = await this.#cas(`UPDATE ${this.#table} USING TTL ? SET owner = ?, description = ?, fence_token = ? WHERE name = ? IF owner = ? AND fence_token = ?`, [
      ttl(leaseMs),
      handle.owner.id,
      handle.owner.description,
      handle.token,
      LEASE,
      handle.owner.id,
      handle.token,
    ]);
    // Outcome unknown: the lease is still ours (the TTL may not have been extended; the guard
    // renews again at the next third of the lease).
    if (r === undefined) return isOurs(await this.#readLease(), handle.owner.id, handle.token);
    return r.wasApplied();
  }

  async release(handle: LockHandle): Promise<void> {
    for (let attempt = 0; attempt < 5; attempt++) {
      if ((await this.#cas(`DELETE FROM ${this.#table} WHERE name = ? IF owner = ? AND fence_token = ?`, [LEASE, handle.owner.id, handle.token])) !== undefined) return;
      if (!isOurs(await this.#readLease(), handle.owner.id, handle.token)) return;
    }
    throw casUnknown('release the migration lock');
  }

  /** Raises the fencing token by one with a compare-and-set, retrying on contention. */
  async #nextToken(): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      const current = await this.#serialRead(`SELECT fence_token FROM ${this.#table} WHERE name = ?`, [FENCE]);
      const value = current.rowLength > 0 ? Number(current.first().get('fence_token')) : undefined;
      const next = (value ?? 0) + 1;
      const r =
        value === undefined
          ? await this.#cas(`INSERT INTO ${this.#table} (name, fence_token) VALUES (?, ?) IF NOT EXISTS`, [FENCE, next])
          : await this.#cas(`UPDATE ${this.#table} SET fence_token = ? WHERE name = ? IF fence_token = ?`, [next, FENCE, value]);
      // An unknown outcome is read again: if our CAS went through, the next one raises past it
      // (a gap in the tokens is harmless: only their order matters).
      if (r?.wasApplied()) return next;
      if (attempt >= 50)
        throw new DuctapeError(
          ErrorCodes.lockTimeout,
          'could not raise the migration lock fencing token: 50 compare-and-set attempts lost',
          'too many runners are contending for the lock; retry later',
        );
      await sleep(10 + Math.random() * 40 * Math.min(attempt + 1, 5)); // let the winner's round finish
    }
  }

  /**
   * A lightweight transaction (LOCK_LWT). Returns undefined when its outcome is unknown: the
   * coordinator timed out waiting for the Paxos round (contention between runners, or a slow or
   * paused replica) and the write may or may not have been applied; the caller settles it with
   * a SERIAL read.
   */
  async #cas(text: string, params: readonly unknown[]): Promise<types.ResultSet | undefined> {
    try {
      return await this.driver.execute(text, params, false, LOCK_LWT);
    } catch (error) {
      if (isCasTimeout(error)) return undefined;
      throw error;
    }
  }

  /** A SERIAL read (LOCK_READ), tried again when Paxos contention times it out. */
  async #serialRead(text: string, params: readonly unknown[]) {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.driver.execute(text, params, false, LOCK_READ);
      } catch (error) {
        if (attempt >= 10 || !isCasTimeout(error)) throw error;
        await sleep(20 + Math.random() * 80);
      }
    }
  }

  async #readLease(): Promise<Row | undefined> {
    return (await this.#serialRead(`SELECT owner, description, fence_token, TTL(owner) AS ttl FROM ${this.#table} WHERE name = ?`, [LEASE])).first() ?? undefined;
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

/** Whether the lease row is the one `ownerId` took with `token`. */
function isOurs(row: Row | undefined, ownerId: string, token: number): boolean {
  return row?.get('owner') === ownerId && Number(row?.get('fence_token')) === token;
}

/**
 * A coordinator's timeout of a Paxos round (write timeout of type CAS, or a read at SERIAL), or
 * no answer from the coordinator within the driver's read timeout: the outcome is unknown, not failed.
 */
function isCasTimeout(error: unknown): boolean {
  if (error instanceof errors.OperationTimedOutError) return true; // the coordinator itself did not answer in time
  if (!(error instanceof errors.ResponseError)) return false;
  const e = error as errors.ResponseError & { writeType?: string; consistencies?: number };
  if (e.code === types.responseErrorCodes.writeTimeout) return e.writeType === 'CAS';
  return e.code === types.responseErrorCodes.readTimeout && (e.consistencies === types.consistencies.serial || e.consistencies === types.consistencies.localSerial);
}

function casUnknown(what: string): DuctapeError {
  return new DuctapeError(
    ErrorCodes.lockTimeout,
    `could not ${what}: 5 lightweight transactions in a row timed out with an unknown outcome`,
    'the Cassandra replicas of the lock table are slow or unreachable; check `nodetool status`, then run `ductape unlock` if the lock is still held',
  );
}

function describeHolder(row: Row | undefined): string | undefined {
  const description = row?.get('description') as string | null | undefined;
  return description ? `${description} (token ${String(row?.get('fence_token'))})` : undefined;
}

/** A lease in whole seconds (Cassandra TTLs are seconds), at least one. */
function ttl(leaseMs: number): number {
  return Math.max(1, Math.ceil(leaseMs / 1000));
}
