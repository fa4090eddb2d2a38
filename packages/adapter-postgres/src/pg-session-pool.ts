import { type ConnectionPool, LendingPool, connectionPoolMax } from '@ductape/core';
import pg from 'pg';
import { PostgresConnectionError, describeUrl } from './postgres-connection-error.js';
import { POOL_APPLICATION_NAME } from './settle/work-marker.js';

/** One server session lent by a PgSessionPool: its client, and whether it broke while lent. */
export interface PooledSession {
  readonly client: pg.Client;
  readonly pid: number;
  /** True once the connection errored or ended (it is then closed, not reused). */
  readonly broken: boolean;
}

interface Slot {
  readonly url: string;
  readonly client: pg.Client;
  readonly pid: number;
  broken: boolean;
}

/**
 * The statement that puts a lent session back as it was opened before it is reused: it releases
 * every advisory lock, resets every setting (search_path, application_name, lock_timeout, role…)
 * and drops temporary tables and prepared plans. One statement: it cannot run in a transaction.
 */
export const RESET_SESSION_SQL = 'DISCARD ALL';

/**
 * At most `max` PostgreSQL sessions shared by many adapters (the targets of a fleet), over every
 * database they connect to: an adapter borrows one session for its whole life (`connect` to
 * `close`), so its session-level advisory lock stays on the session that does its work. A
 * session given back is reset (RESET_SESSION_SQL) and kept for the next adapter of the same
 * database URL; a borrower for another database closes the oldest idle one first when the pool
 * is full (a PostgreSQL session belongs to one database), and waits while all are lent.
 * @example
 * const pool = new PgSessionPool({ max: 4 });
 * const s = await pool.acquire('postgres://app@db/tenants'); … await pool.release(s);
 */
export class PgSessionPool implements ConnectionPool {
  readonly #pool: LendingPool<Slot>;

  constructor(options: { readonly max: number }) {
    this.#pool = new LendingPool(connectionPoolMax(options), {
      keyOf: (s) => s.url,
      usable: (s) => !s.broken,
      reset: async (s) => {
        try {
          await s.client.query(RESET_SESSION_SQL);
          return true;
        } catch {
          return false; // a session that cannot be reset is not lent again
        }
      },
      close: (s) => s.client.end().catch(() => undefined),
    });
  }

  get max(): number {
    return this.#pool.max;
  }

  get open(): number {
    return this.#pool.open;
  }

  /** Server pids of every session of the pool (none of them is a dead runner's). */
  pids(): readonly number[] {
    return this.#pool.slots().map((s) => s.pid);
  }

  /** Lends a session on `url`'s database: an idle one of that URL, a new one, or the next one given back. */
  async acquire(url: string): Promise<PooledSession> {
    const { slot } = await this.#pool.acquire(
      url,
      () => this.#connect(url),
      () => new PostgresConnectionError(describeUrl(url), 'the connection pool is closed'),
    );
    return slot;
  }

  /**
   * Takes a lent session back: reset and kept idle, or closed when it broke, `discard` is true
   * (left inside a transaction) or the pool is closed.
   */
  async release(session: PooledSession, discard = false): Promise<void> {
    const slot = session as Slot;
    if (discard) slot.broken = true;
    await this.#pool.release(slot, discard);
  }

  async close(): Promise<void> {
    await this.#pool.close();
  }

  async #connect(url: string): Promise<Slot> {
    const client = new pg.Client({ connectionString: url, application_name: POOL_APPLICATION_NAME });
    try {
      await client.connect();
    } catch (error) {
      await client.end().catch(() => undefined);
      throw new PostgresConnectionError(describeUrl(url), error);
    }
    const slot: Slot = { url, client, pid: (client as unknown as { processID?: number }).processID ?? -1, broken: false };
    const drop = (): void => {
      slot.broken = true;
      this.#pool.forget(slot);
    };
    client.on('error', drop);
    client.on('end', drop);
    return slot;
  }
}
