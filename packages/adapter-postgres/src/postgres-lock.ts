import { type AcquireResult, DuctapeError, ErrorCodes, type LockHandle, type LockOwner, type LockStore } from '@ductape/core';
import type { DedicatedConnection, PostgresDriver, Queryable } from './postgres-driver.js';
import { type LockKey, lockKey } from './lock-key.js';
import { waitForWork } from './settle/wait-for-work.js';

/** How long tryAcquire waits, once it holds the lock, for a dead runner's work to end (default). */
export const DEFAULT_SETTLE_TIMEOUT_MS = 60_000;

const PREFIX = 'ductape lock: ';
/** Advisory locks belong to one database: pg_locks lists those of every database of the server. */
const THIS_DATABASE = '(SELECT oid FROM pg_database WHERE datname = current_database())';
/** Takes the lock; when it did, names the session after the holder and reads the fencing token (the subquery runs first: OFFSET 0 keeps it apart). */
const TAKE_SQL = `SELECT s.ok, CASE WHEN s.ok THEN set_config('application_name', $2, false) END AS named, CASE WHEN s.ok THEN txid_current()::text END AS token
FROM (SELECT pg_try_advisory_lock($1::bigint) AS ok OFFSET 0) s`;
const UNLOCK_SQL = "SELECT pg_advisory_unlock($1::bigint), set_config('application_name', 'ductape lock: idle', false)";

/**
 * The migration lock as a PostgreSQL advisory lock, held on a connection of its own. The server
 * drops it the moment that connection ends, so a killed runner never leaves it stuck. The holder
 * is named by the connection's application_name (seen in pg_stat_activity); the fencing token is
 * the transaction id at acquisition, which only grows.
 *
 * Once taken, the lock is not handed over until no other ductape work session runs a statement on
 * the database (a killed runner's last ALTER or COMMIT still executing on the server), waiting up
 * to `settleTimeoutMs`; past that it is released again and WorkStillRunningError names the backend.
 * @example const lock = new PostgresAdvisoryLock(driver, 'public');
 */
export class PostgresAdvisoryLock implements LockStore {
  readonly #driver: PostgresDriver;
  readonly #key: LockKey;
  readonly #schema: string;
  #conn: DedicatedConnection | undefined;
  #held: LockHandle | undefined;
  readonly #settleTimeoutMs: number;

  constructor(driver: PostgresDriver, schema: string, settleTimeoutMs = DEFAULT_SETTLE_TIMEOUT_MS) {
    this.#driver = driver;
    this.#key = lockKey(schema);
    this.#schema = schema;
    this.#settleTimeoutMs = settleTimeoutMs;
  }

  async tryAcquire(owner: LockOwner, _leaseMs: number): Promise<AcquireResult> {
    if (this.#held && !this.#conn?.broken) {
      if (this.#held.owner.id === owner.id) return { acquired: true, handle: this.#held };
      return { acquired: false, heldBy: `${this.#held.owner.description} (same adapter)` };
    }
    this.#held = undefined;
    const conn = await this.#connection();
    // One round trip: the lock, and only once it is taken the holder's name and the fencing token.
    const info = await conn.query(TAKE_SQL, [this.#key.key, (PREFIX + owner.description).slice(0, 63)]);
    if (info.rows[0]?.ok !== true) return { acquired: false, heldBy: await describeHolder(conn, this.#key) };
    try {
      await waitForWork(conn, { schema: this.#schema, ownPids: () => this.#driver.ownPids?.() ?? [], timeoutMs: this.#settleTimeoutMs });
    } catch (error) {
      await conn.query(UNLOCK_SQL, [this.#key.key]).catch(() => conn.destroy());
      throw error;
    }
    this.#held = { owner, token: Number(info.rows[0]?.token ?? Date.now()) };
    return { acquired: true, handle: this.#held };
  }

  async renew(handle: LockHandle, _leaseMs: number): Promise<boolean> {
    const conn = this.#conn;
    if (!conn || conn.broken || this.#held?.token !== handle.token) return false;
    try {
      const r = await conn.query('SELECT count(*)::int AS n FROM pg_locks WHERE locktype = $1 AND granted AND pid = pg_backend_pid() AND classid = $2 AND objid = $3', [
        'advisory',
        this.#key.classid,
        this.#key.objid,
      ]);
      return Number(r.rows[0]?.n) > 0;
    } catch (error) {
      if (conn.broken) return false;
      throw error;
    }
  }

  async release(handle: LockHandle): Promise<void> {
    if (this.#held?.token !== handle.token) return;
    this.#held = undefined;
    const conn = this.#conn;
    if (!conn || conn.broken) return;
    await conn.query(UNLOCK_SQL, [this.#key.key]);
  }

  /** Who holds the lock now (from pg_stat_activity), or undefined when it is free. */
  async holder(): Promise<string | undefined> {
    return describeHolder(this.#driver, this.#key);
  }

  /**
   * Ends the session that holds the lock (`ductape unlock --yes`): pg_terminate_backend on the
   * holder's lock connection only. Needs the same role as the holder, or pg_signal_backend.
   */
  async forceRelease(): Promise<void> {
    await this.#driver.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND classid = $1 AND objid = $2 AND database = ${THIS_DATABASE} AND pid <> pg_backend_pid()`,
      [this.#key.classid, this.#key.objid],
    );
  }

  /** Closes the lock connection (the server releases the lock if still held). */
  async close(): Promise<void> {
    const conn = this.#conn;
    this.#conn = undefined;
    this.#held = undefined;
    await conn?.close();
  }

  /** Drops the lock connection without releasing, as a crashed process would (for tests). */
  crash(): void {
    this.#conn?.destroy();
    this.#conn = undefined;
    this.#held = undefined;
  }

  async #connection(): Promise<DedicatedConnection> {
    if (this.#conn && !this.#conn.broken) return this.#conn;
    const opened = this.#driver.dedicated(`${PREFIX}idle`);
    if (!opened)
      throw new DuctapeError(
        ErrorCodes.invalidArgument,
        'this driver has no separate sessions, so it cannot hold an advisory lock',
        'use the lease lock (PostgresLeaseLock) with it, as the adapter does for PGlite',
      );
    this.#conn = await opened;
    return this.#conn;
  }
}

/** The lock holder as "<owner> (server pid N from addr)", read from pg_locks and pg_stat_activity. */
async function describeHolder(db: Queryable, key: LockKey): Promise<string | undefined> {
  const r = await db.query(
    `SELECT a.application_name, a.pid, a.client_addr::text AS addr FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND l.classid = $1 AND l.objid = $2 AND l.database = ${THIS_DATABASE} LIMIT 1`,
    [key.classid, key.objid],
  );
  const row = r.rows[0];
  if (!row) return undefined;
  const name = String(row.application_name ?? '');
  const who = name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name || 'an unnamed session';
  return `${who} (server pid ${String(row.pid)}${row.addr ? ` from ${String(row.addr)}` : ''})`;
}
