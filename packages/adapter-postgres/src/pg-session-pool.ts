import { type ConnectionPool, InvalidArgumentError } from '@ductape/core';
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
  readonly max: number;
  readonly #idle: Slot[] = [];
  readonly #lent = new Set<Slot>();
  /** Slots reserved for a connection being opened or a session being reset. */
  #pending = 0;
  readonly #waiters: (() => void)[] = [];
  #closed = false;

  constructor(options: { readonly max: number }) {
    const max = options?.max;
    if (!(typeof max === 'number' && Number.isInteger(max) && max >= 1)) throw new InvalidArgumentError('max', 'a whole number of connections ≥ 1', max);
    this.max = max;
  }

  get open(): number {
    return this.#idle.length + this.#lent.size + this.#pending;
  }

  /** Server pids of every session of the pool (none of them is a dead runner's). */
  pids(): readonly number[] {
    return [...this.#idle, ...this.#lent].map((s) => s.pid);
  }

  /** Lends a session on `url`'s database: an idle one of that URL, a new one, or the next one given back. */
  async acquire(url: string): Promise<PooledSession> {
    for (;;) {
      if (this.#closed) throw new PostgresConnectionError(describeUrl(url), 'the connection pool is closed');
      const i = this.#idle.findIndex((s) => s.url === url && !s.broken);
      if (i >= 0) {
        const [slot] = this.#idle.splice(i, 1) as [Slot];
        this.#lent.add(slot);
        return slot;
      }
      if (this.open >= this.max && this.#idle.length > 0) {
        const [oldest] = this.#idle.splice(0, 1) as [Slot];
        this.#pending++;
        await oldest.client.end().catch(() => undefined);
        this.#pending--;
      }
      if (this.open < this.max) return this.#connect(url);
      await new Promise<void>((resolve) => this.#waiters.push(resolve));
    }
  }

  /**
   * Takes a lent session back: reset and kept idle, or closed when it broke, `discard` is true
   * (left inside a transaction) or the pool is closed.
   */
  async release(session: PooledSession, discard = false): Promise<void> {
    const slot = session as Slot;
    if (!this.#lent.delete(slot)) return;
    if (discard) slot.broken = true;
    this.#pending++;
    try {
      if (!slot.broken && !this.#closed) {
        try {
          await slot.client.query(RESET_SESSION_SQL);
          if (!slot.broken && !this.#closed) {
            this.#idle.push(slot);
            return;
          }
        } catch {
          // A session that cannot be reset is not lent again.
        }
      }
      await slot.client.end().catch(() => undefined);
    } finally {
      this.#pending--;
      this.#waiters.shift()?.();
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    const idle = this.#idle.splice(0);
    await Promise.all(idle.map((s) => s.client.end().catch(() => undefined)));
    for (const wake of this.#waiters.splice(0)) wake();
  }

  async #connect(url: string): Promise<Slot> {
    this.#pending++;
    const client = new pg.Client({ connectionString: url, application_name: POOL_APPLICATION_NAME });
    try {
      await client.connect();
    } catch (error) {
      this.#pending--;
      this.#waiters.shift()?.();
      await client.end().catch(() => undefined);
      throw new PostgresConnectionError(describeUrl(url), error);
    }
    this.#pending--;
    const slot: Slot = { url, client, pid: (client as unknown as { processID?: number }).processID ?? -1, broken: false };
    const drop = (): void => {
      slot.broken = true;
      const i = this.#idle.indexOf(slot);
      if (i >= 0) {
        this.#idle.splice(i, 1);
        this.#waiters.shift()?.();
      }
    };
    client.on('error', drop);
    client.on('end', drop);
    this.#lent.add(slot);
    return slot;
  }
}
