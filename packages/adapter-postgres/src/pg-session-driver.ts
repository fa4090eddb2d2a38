import type pg from 'pg';
import { PostgresConnectionError, describeUrl } from './postgres-connection-error.js';
import { LazyTransaction } from './lazy-transaction.js';
import { collectNotices, withNotices } from './notices.js';
import type { DedicatedConnection, PostgresDriver, QueryResult, Queryable, TransactionQueryable } from './postgres-driver.js';
import type { PgSessionPool, PooledSession } from './pg-session-pool.js';

/**
 * A `pg` driver on one session borrowed from a PgSessionPool for the adapter's whole life: its
 * statements, transactions and its advisory lock (`dedicated`) all run on that session, so an
 * adapter holds one connection, not a pool plus a lock connection. `close` gives the session back
 * (the pool resets it). The engine's lock renewal may interleave a read of pg_locks between the
 * statements of a transaction on the same session: it reads only.
 * @example const adapter = new PostgresAdapter({ driver: new PgSessionDriver(pool, url), schema: 'tenant_1' });
 */
export class PgSessionDriver implements PostgresDriver {
  readonly kind = 'pg';
  readonly #pool: PgSessionPool;
  readonly #url: string;
  #session: PooledSession | undefined;
  #poisoned = false;

  constructor(pool: PgSessionPool, url: string) {
    this.#pool = pool;
    this.#url = url;
  }

  async connect(): Promise<void> {
    this.#session ??= await this.#pool.acquire(this.#url);
  }

  async close(): Promise<void> {
    const session = this.#session;
    this.#session = undefined;
    if (!session) return;
    await this.#pool.release(session, this.#poisoned);
    this.#poisoned = false;
  }

  query(text: string, params?: readonly unknown[]): Promise<QueryResult> {
    return this.#client().query(text, params as unknown[] | undefined);
  }

  /** BEGIN travels with the first statement and a queued last write with the COMMIT (LazyTransaction). */
  async transaction<T>(fn: (q: TransactionQueryable) => Promise<T>, begin?: string): Promise<T> {
    const client = this.#client();
    const tx = new LazyTransaction((text, params) => client.query(text, params as unknown[] | undefined), begin);
    const notices = collectNotices(client);
    try {
      const result = await fn(withNotices(tx.queryable, notices));
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => {
        this.#poisoned = true; // still in a transaction: never lend it again
      });
      throw error;
    } finally {
      notices.stop();
    }
  }

  async connection<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = this.#client();
    const notices = collectNotices(client);
    try {
      return await fn(withNotices(wrap(client), notices));
    } finally {
      notices.stop();
    }
  }

  /** The same session: the advisory lock is held where the work runs, released by the pool's reset. */
  dedicated(_applicationName: string): Promise<DedicatedConnection> {
    const client = this.#client();
    const session = this.#session as PooledSession;
    let closed = false;
    return Promise.resolve({
      query: (text, params) => client.query(text, params as unknown[] | undefined),
      close: async () => {
        closed = true;
      },
      destroy: () => {
        closed = true;
        this.#poisoned = true;
        (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
      },
      get broken() {
        return closed || session.broken;
      },
    });
  }

  ownPids(): readonly number[] {
    return this.#pool.pids();
  }

  #client(): pg.Client {
    if (!this.#session) throw new PostgresConnectionError(describeUrl(this.#url), 'the adapter is not connected; call connect() first');
    return this.#session.client;
  }
}

function wrap(client: pg.Client): Queryable {
  return { query: (text, params) => client.query(text, params as unknown[] | undefined) };
}
