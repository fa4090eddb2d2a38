import type { AcquireResult, LockHandle, LockOwner, LockStore } from '@ductape/core';
import type { MysqlClusterKind } from './cluster-detect.js';
import { ClusterNodeNotReadyError, isCertificationConflict, isNodeNotReady, retryOnConflict } from './cluster-errors.js';
import type { MysqlConnection, MysqlDriver, MysqlQueryable } from './mysql-driver.js';
import { waitForWork } from './settle/wait-for-work.js';
import { FREE, LEASE_DDL, LEASE_TABLE, T, describeLease, fenceCheck } from './lease-table.js';

/**
 * The migration lock on a cluster where every node takes writes (Galera, group replication), where
 * GET_LOCK is node-local: a lease row, taken with a conditional UPDATE in a transaction that the
 * cluster certifies. Two runners on two nodes that both see the lease free both write the row;
 * certification lets the first write set in the cluster's total order commit and rolls the other
 * back (error 1213), which counts as "not acquired, retry" — never as success. The token grows with
 * every acquisition (a fencing token): before each step and inside each history write's transaction
 * the holder updates the row where the token is still its own, so a runner that lost the lease
 * (frozen past expiry, cut off from the cluster) writes nothing more. The lease is renewed by the
 * engine every third of it; a dead holder's lease is taken over once it expired (server clocks).
 * @example const lock = new MysqlLeaseLock(driver, 'ductape_migrations.app', 'galera'); await lock.tryAcquire(owner, 30_000);
 */
export class MysqlLeaseLock implements LockStore {
  #held: LockHandle | undefined;
  #ready: Promise<void> | undefined;

  constructor(
    private readonly driver: MysqlDriver,
    private readonly name: string,
    readonly cluster: MysqlClusterKind,
    private readonly settleTimeoutMs: number,
    /** host:port/database for messages (never a password). */
    private readonly where = 'the cluster node',
  ) {}

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    try {
      return await this.#tryAcquire(owner, leaseMs);
    } catch (error) {
      if (isNodeNotReady(error)) throw new ClusterNodeNotReadyError(this.cluster, this.where, error);
      throw error;
    }
  }

  async #tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    await this.#ensure();
    const lost = { acquired: false, heldBy: 'a runner on another node (its write to the lease row won the cluster certification)' } as const;
    return this.#pooled(async (c) => {
      try {
        await c.query(`INSERT IGNORE INTO ${T} (\`name\`, \`token\`, \`owner_id\`, \`description\`, \`acquired_at\`, \`expires_at\`) VALUES (?, 0, '', '', UTC_TIMESTAMP(6), ?)`, [this.name, FREE]);
      } catch (error) {
        if (isCertificationConflict(error)) return lost;
        throw error;
      }
      let token: number;
      await c.query('START TRANSACTION');
      try {
        await c.query(
          `UPDATE ${T} SET \`token\` = \`token\` + 1, \`owner_id\` = ?, \`description\` = ?, \`connection_id\` = CONNECTION_ID(), \`acquired_at\` = UTC_TIMESTAMP(6),
             \`expires_at\` = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND, \`fence_checks\` = 0
           WHERE \`name\` = ? AND (\`expires_at\` <= UTC_TIMESTAMP(6) OR \`owner_id\` = ?)`,
          [owner.id.slice(0, 255), owner.description.slice(0, 1024), Math.max(1, Math.round(leaseMs)) * 1000, this.name, owner.id.slice(0, 255)],
        );
        const [row] = await c.query(`SELECT \`token\`, \`owner_id\`, \`description\`, \`expires_at\` FROM ${T} WHERE \`name\` = ?`, [this.name]);
        if (String(row?.owner_id) !== owner.id.slice(0, 255)) {
          await c.query('ROLLBACK');
          return { acquired: false, heldBy: describeLease(row) };
        }
        token = Number(row?.token);
        await c.query('COMMIT'); // certification: fails with 1213 when another node's write came first
      } catch (error) {
        await c.query('ROLLBACK').catch(() => undefined);
        if (isCertificationConflict(error)) return lost;
        throw error;
      }
      const handle: LockHandle = { owner, token };
      this.#held = handle;
      try {
        await waitForWork(c, { ownIds: () => this.driver.ownThreadIds?.() ?? [], timeoutMs: this.settleTimeoutMs });
      } catch (error) {
        await this.release(handle).catch(() => undefined);
        throw error;
      }
      return { acquired: true, handle };
    });
  }

  /** Conditional on owner and token; false once taken over. A rollback by the cluster (not a takeover: it wrote nothing) is retried. */
  async renew(handle: LockHandle, leaseMs: number): Promise<boolean> {
    if (this.#held?.token !== handle.token) return false;
    return retryOnConflict(() =>
      this.#pooled(async (c) => {
        await c.query(`UPDATE ${T} SET \`expires_at\` = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND WHERE \`name\` = ? AND \`owner_id\` = ? AND \`token\` = ?`, [
          Math.max(1, Math.round(leaseMs)) * 1000,
          this.name,
          handle.owner.id.slice(0, 255),
          handle.token,
        ]);
        const [r] = await c.query('SELECT ROW_COUNT() AS n');
        return Number(r?.n) > 0;
      }),
    );
  }

  async release(handle: LockHandle): Promise<void> {
    if (this.#held?.token === handle.token) this.#held = undefined;
    await retryOnConflict(() =>
      this.#pooled((c) =>
        c.query(`UPDATE ${T} SET \`owner_id\` = '', \`description\` = '', \`connection_id\` = NULL, \`expires_at\` = ? WHERE \`name\` = ? AND \`owner_id\` = ? AND \`token\` = ?`, [
          FREE,
          this.name,
          handle.owner.id.slice(0, 255),
          handle.token,
        ]),
      ),
    );
  }

  /** Who holds an unexpired lease, or undefined when it is free. */
  async holder(): Promise<string | undefined> {
    await this.#ensure();
    const [row] = await this.#pooled((c) =>
      c.query(`SELECT \`token\`, \`owner_id\`, \`description\`, \`expires_at\` FROM ${T} WHERE \`name\` = ? AND \`owner_id\` <> '' AND \`expires_at\` > UTC_TIMESTAMP(6)`, [this.name]),
    );
    return row ? describeLease(row) : undefined;
  }

  /** Frees the lease whoever holds it (`ductape unlock --yes`); the holder's next fence check fails. */
  async forceRelease(): Promise<void> {
    await this.#ensure();
    await this.#pooled((c) =>
      c.query(`UPDATE ${T} SET \`token\` = \`token\` + 1, \`owner_id\` = '', \`description\` = '', \`connection_id\` = NULL, \`expires_at\` = ? WHERE \`name\` = ?`, [FREE, this.name]),
    );
  }

  /**
   * Before a step: a certified write to the lease row where the token is still ours. Throws
   * LeaseFencedError when it is not (taken over); a rollback by the cluster is retried.
   */
  async fence(q: MysqlQueryable, what: string): Promise<void> {
    const held = this.#held;
    if (!held) return;
    await retryOnConflict(() => fenceCheck(q, this.name, held, what));
  }

  /** Runs `fn` (a history write) in one transaction with the fence check, so both commit or neither. */
  async fenced<T>(q: MysqlQueryable, what: string, fn: (q: MysqlQueryable) => Promise<T>): Promise<T> {
    const held = this.#held;
    if (!held) return fn(q);
    // A rollback by the cluster committed nothing: run the whole transaction again (the fence
    // check then says whether the lease was taken over).
    return retryOnConflict(async () => {
      await q.query('START TRANSACTION');
      try {
        await fenceCheck(q, this.name, held, what);
        const result = await fn(q);
        await q.query('COMMIT');
        return result;
      } catch (error) {
        await q.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    });
  }

  /** Ends the run's hold politely: the lease is freed for the next runner. */
  async close(): Promise<void> {
    const held = this.#held;
    if (held) await this.release(held).catch(() => undefined);
  }

  /** Forgets the lease without freeing it, as a killed process would (it expires). */
  destroy(): void {
    this.#held = undefined;
  }

  #ensure(): Promise<void> {
    // No DDL when the table exists: on Galera even a no-op CREATE … IF NOT EXISTS is replicated in
    // total order and aborts other runners' transactions on the table.
    this.#ready ??= this.#pooled(async (c) => {
      const [t] = await c.query('SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [LEASE_TABLE]);
      if (Number(t?.n) === 0) await c.query(LEASE_DDL);
    }).then(
      () => undefined,
      (error: unknown) => {
        this.#ready = undefined;
        throw error;
      },
    );
    return this.#ready;
  }

  async #pooled<T>(fn: (c: MysqlConnection) => Promise<T>): Promise<T> {
    const c = await this.driver.acquire();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }
}
