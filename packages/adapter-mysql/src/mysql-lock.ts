import { type AcquireResult, DuctapeError, ErrorCodes, type LockHandle, type LockOwner, type LockStore } from '@ductape/core';
import type { MysqlClusterKind } from './cluster-detect.js';
import { MysqlLeaseLock } from './lease-lock.js';
import { lockName } from './lock-name.js';
import type { MysqlConnection, MysqlDriver, MysqlQueryable } from './mysql-driver.js';
import { waitForWork } from './settle/wait-for-work.js';
import { LOCK_DDL, LOCK_TABLE, getLockHolder, leaseSeconds } from './get-lock-table.js';

/** How long tryAcquire waits, once it holds the lock, for a dead runner's work to end (default). */
export const DEFAULT_SETTLE_TIMEOUT_MS = 60_000;

export { LOCK_TABLE };

/**
 * The migration lock: GET_LOCK on a dedicated connection, so the server releases it when that
 * connection dies (a killed process never leaves it stuck). The lease is the connection's
 * `wait_timeout`: a holder that stops renewing (frozen, partitioned) is disconnected by the server
 * after the lease and its lock released. A small row names the holder for LockTimeoutError and
 * keeps the fencing token; IS_USED_LOCK and the processlist name a holder that is not ours.
 *
 * Once taken, the lock is not handed over until no other ductape work session runs a statement on
 * the database (a killed runner's last ALTER still executing on the server), waiting up to
 * `settleTimeoutMs`; past that it is released again and WorkStillRunningError names the connection.
 *
 * On a cluster where every node takes writes (Galera, group replication multi-primary) GET_LOCK is
 * node-local, so `useCluster` (called by connect) switches every call to MysqlLeaseLock, a lease
 * row committed through the cluster's certification, with a fencing token checked before each step
 * and inside each history write (`fence`, `fenced`; no-ops with GET_LOCK, whose lock dies with its
 * connection).
 * @example const r = await lock.tryAcquire({ id: 'run-1', description: 'ci pid 42' }, 30_000);
 */
export class MysqlLockStore implements LockStore {
  readonly #held = new Map<number, MysqlConnection>();
  #spare: MysqlConnection | undefined;
  #name: string | undefined;
  #ready = false;
  #lease: MysqlLeaseLock | undefined;

  constructor(
    private readonly driver: MysqlDriver,
    private readonly settleTimeoutMs = DEFAULT_SETTLE_TIMEOUT_MS,
  ) {}

  /** Called by the adapter once it knows the database. */
  setDatabase(database: string): void {
    this.#name = lockName(database);
  }

  /** Called by connect with the cluster it found (none: GET_LOCK stays); on a cluster the lock is a replicated lease row from now on. */
  useCluster(cluster: MysqlClusterKind | undefined, where?: string): void {
    if (!cluster || this.#lease?.cluster === cluster) return;
    this.#lease = new MysqlLeaseLock(this.driver, this.#lockName(), cluster, this.settleTimeoutMs, where);
  }

  /** 'get-lock' on a single server, 'lease' on a Galera or group-replication cluster (after connect). */
  get mode(): 'get-lock' | 'lease' {
    return this.#lease ? 'lease' : 'get-lock';
  }

  /** Lease mode, holding: the fencing check before a step (LeaseFencedError). @example await lock.fence(c, 'run the step "…"'); */
  async fence(q: MysqlQueryable, what: string): Promise<void> {
    await this.#lease?.fence(q, what);
  }

  /** Lease mode, holding: `fn` (a history write) and the fencing check in one transaction. @example await lock.fenced(c, 'write history', (q) => q.query(sql, v)); */
  fenced<T>(q: MysqlQueryable, what: string, fn: (q: MysqlQueryable) => Promise<T>): Promise<T> {
    return this.#lease ? this.#lease.fenced(q, what, fn) : fn(q);
  }

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    if (this.#lease) return this.#lease.tryAcquire(owner, leaseMs);
    const name = this.#lockName();
    await this.#ensure();
    const c = this.#spare?.alive ? this.#spare : await this.driver.dedicated();
    this.#spare = undefined;
    try {
      const [row] = await c.query('SELECT GET_LOCK(?, 0) AS got', [name]);
      if (Number(row?.got) !== 1) {
        this.#spare = c;
        return { acquired: false, heldBy: await getLockHolder(c, name) };
      }
      await c.query(`SET SESSION wait_timeout = ${leaseSeconds(leaseMs)}`);
      await c.query(
        `INSERT INTO \`${LOCK_TABLE}\` (\`name\`, \`token\`, \`owner_id\`, \`description\`, \`connection_id\`, \`acquired_at\`) VALUES (?, 1, ?, ?, CONNECTION_ID(), UTC_TIMESTAMP(3))
         ON DUPLICATE KEY UPDATE \`token\` = \`token\` + 1, \`owner_id\` = VALUES(\`owner_id\`), \`description\` = VALUES(\`description\`), \`connection_id\` = VALUES(\`connection_id\`), \`acquired_at\` = VALUES(\`acquired_at\`)`,
        [name, owner.id.slice(0, 255), owner.description.slice(0, 1024)],
      );
      const [t] = await c.query(`SELECT \`token\` FROM \`${LOCK_TABLE}\` WHERE \`name\` = ?`, [name]);
      const token = Number(t?.token);
      // A failure here ends the connection below, and with it the lock.
      await waitForWork(c, { ownIds: () => this.driver.ownThreadIds?.() ?? [], timeoutMs: this.settleTimeoutMs });
      this.#held.set(token, c);
      return { acquired: true, handle: { owner, token } };
    } catch (error) {
      c.destroy(); // whatever it held dies with it
      throw error;
    }
  }

  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    if (this.#lease) return this.#lease.renew(handle, leaseMs);
    const c = this.#held.get(handle.token);
    if (!c?.alive) return false;
    try {
      const [row] = await c.query(`SELECT IS_USED_LOCK(?) = CONNECTION_ID() AS mine`, [this.#lockName()]);
      if (Number(row?.mine) !== 1) return false;
      await c.query(`SET SESSION wait_timeout = ${leaseSeconds(leaseMs)}`);
      return true;
    } catch (error) {
      if (!c.alive) return false;
      throw error;
    }
  }

  async release(handle: LockHandle): Promise<void> {
    if (this.#lease) return this.#lease.release(handle);
    const c = this.#held.get(handle.token);
    if (!c) return;
    this.#held.delete(handle.token);
    try {
      if (c.alive) {
        await c.query(`UPDATE \`${LOCK_TABLE}\` SET \`connection_id\` = NULL WHERE \`name\` = ? AND \`token\` = ?`, [this.#lockName(), handle.token]);
        await c.query('SELECT RELEASE_LOCK(?)', [this.#lockName()]);
      }
    } finally {
      c.release(); // ends the dedicated connection
    }
  }

  /** Who holds the lock now (for `ductape unlock` and messages), or undefined when it is free. */
  async holder(): Promise<string | undefined> {
    if (this.#lease) return this.#lease.holder();
    await this.#ensure();
    return this.#pooled((c) => getLockHolder(c, this.#lockName()));
  }

  /**
   * Frees the lock whoever holds it (`ductape unlock --yes`): the holder's connection is ended
   * with KILL CONNECTION, and the server releases its GET_LOCK. Needs the right to kill that
   * connection (the same user, or CONNECTION_ADMIN / SUPER).
   */
  async forceRelease(): Promise<void> {
    if (this.#lease) return this.#lease.forceRelease();
    await this.#pooled(async (c) => {
      const [used] = await c.query('SELECT IS_USED_LOCK(?) AS id', [this.#lockName()]);
      if (used?.id === null || used?.id === undefined) return;
      await c.query(`KILL CONNECTION ${Number(used.id)}`);
    });
  }

  /** Ends every lock connection politely (locks released). */
  async close(): Promise<void> {
    await this.#lease?.close();
    const all = [...this.#held.values(), ...(this.#spare ? [this.#spare] : [])];
    this.#held.clear();
    this.#spare = undefined;
    for (const c of all) c.release(); // ends each dedicated connection: the server releases its lock
  }

  /** Drops every lock connection without a goodbye, as a killed process would (tests). */
  destroy(): void {
    this.#lease?.destroy();
    for (const c of this.#held.values()) c.destroy();
    this.#spare?.destroy();
    this.#spare = undefined;
  }

  #lockName(): string {
    if (!this.#name) throw new DuctapeError(ErrorCodes.notConnected, 'the MySQL lock is used before connect()', 'call adapter.connect() first');
    return this.#name;
  }

  async #ensure(): Promise<void> {
    if (this.#ready) return;
    await this.#pooled((c) => c.query(LOCK_DDL));
    this.#ready = true;
  }

  async #pooled<T>(fn: (c: MysqlQueryable) => Promise<T>): Promise<T> {
    const c = await this.driver.acquire();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }
}
