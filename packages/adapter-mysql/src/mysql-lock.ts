import { type AcquireResult, DuctapeError, ErrorCodes, type LockHandle, type LockOwner, type LockStore } from '@ductape/core';
import { lockName } from './lock-name.js';
import type { MysqlConnection, MysqlDriver, MysqlQueryable } from './mysql-driver.js';
import { waitForWork } from './settle/wait-for-work.js';
import { fromSqlDate } from './sql-date.js';

/** How long tryAcquire waits, once it holds the lock, for a dead runner's work to end (default). */
export const DEFAULT_SETTLE_TIMEOUT_MS = 60_000;

/** One row per lock name: who holds it and the fencing token (bumped on every acquisition). */
export const LOCK_TABLE = '_ductape_migrations_lock';

const LOCK_DDL = `CREATE TABLE IF NOT EXISTS \`${LOCK_TABLE}\` (
  \`name\` VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  \`token\` BIGINT NOT NULL,
  \`owner_id\` VARCHAR(255) NOT NULL,
  \`description\` VARCHAR(1024) NOT NULL,
  \`connection_id\` BIGINT NULL,
  \`acquired_at\` DATETIME(3) NOT NULL,
  PRIMARY KEY (\`name\`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4`;

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
 * @example const r = await lock.tryAcquire({ id: 'run-1', description: 'ci pid 42' }, 30_000);
 */
export class MysqlLockStore implements LockStore {
  readonly #held = new Map<number, MysqlConnection>();
  #spare: MysqlConnection | undefined;
  #name: string | undefined;
  #ready = false;

  constructor(
    private readonly driver: MysqlDriver,
    private readonly settleTimeoutMs = DEFAULT_SETTLE_TIMEOUT_MS,
  ) {}

  /** Called by the adapter once it knows the database. */
  setDatabase(database: string): void {
    this.#name = lockName(database);
  }

  async tryAcquire(owner: LockOwner, leaseMs: number): Promise<AcquireResult> {
    const name = this.#lockName();
    await this.#ensure();
    const c = this.#spare?.alive ? this.#spare : await this.driver.dedicated();
    this.#spare = undefined;
    try {
      const [row] = await c.query('SELECT GET_LOCK(?, 0) AS got', [name]);
      if (Number(row?.got) !== 1) {
        this.#spare = c;
        return { acquired: false, heldBy: await this.#holder(c, name) };
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
    const c = this.#held.get(handle.token);
    if (!c || !c.alive) return false;
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
    await this.#ensure();
    return this.#pooled((c) => this.#holder(c, this.#lockName()));
  }

  /**
   * Frees the lock whoever holds it (`ductape unlock --yes`): the holder's connection is ended
   * with KILL CONNECTION, and the server releases its GET_LOCK. Needs the right to kill that
   * connection (the same user, or CONNECTION_ADMIN / SUPER).
   */
  async forceRelease(): Promise<void> {
    await this.#pooled(async (c) => {
      const [used] = await c.query('SELECT IS_USED_LOCK(?) AS id', [this.#lockName()]);
      if (used?.id === null || used?.id === undefined) return;
      await c.query(`KILL CONNECTION ${Number(used.id)}`);
    });
  }

  /** Ends every lock connection politely (locks released). */
  async close(): Promise<void> {
    const all = [...this.#held.values(), ...(this.#spare ? [this.#spare] : [])];
    this.#held.clear();
    this.#spare = undefined;
    for (const c of all) c.release(); // ends each dedicated connection: the server releases its lock
  }

  /** Drops every lock connection without a goodbye, as a killed process would (tests). */
  destroy(): void {
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

  /** Who holds `name`: our row when its connection is the holder, else the processlist entry. */
  async #holder(c: MysqlQueryable, name: string): Promise<string | undefined> {
    const [used] = await c.query('SELECT IS_USED_LOCK(?) AS id', [name]);
    const id = used?.id === null || used?.id === undefined ? undefined : Number(used.id);
    if (id === undefined) return undefined;
    const [row] = await c.query(`SELECT \`description\`, \`acquired_at\`, \`connection_id\` FROM \`${LOCK_TABLE}\` WHERE \`name\` = ?`, [name]);
    if (row && Number(row.connection_id) === id) return `${String(row.description)} (connection ${id}, since ${fromSqlDate(row.acquired_at).toISOString()})`;
    const [p] = await c.query('SELECT `USER` AS user, `HOST` AS host, `TIME` AS seconds FROM information_schema.PROCESSLIST WHERE `ID` = ?', [id]);
    return p ? `connection ${id} (${String(p.user)}@${String(p.host)}, connected ${String(p.seconds)} s)` : `connection ${id}`;
  }
}

/** The lease as a whole number of seconds for wait_timeout (at least 1). */
function leaseSeconds(leaseMs: number): number {
  return Math.max(1, Math.ceil(leaseMs / 1000));
}
