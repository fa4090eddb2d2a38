import pg from 'pg';
import { PostgresConnectionError, describeUrl } from './postgres-connection-error.js';
import { LazyTransaction } from './lazy-transaction.js';
import { collectNotices, withNotices } from './notices.js';
import type { DedicatedConnection, PostgresDriver, QueryResult, Queryable, TransactionQueryable } from './postgres-driver.js';
import { POOL_APPLICATION_NAME } from './settle/work-marker.js';

export interface PgDriverOptions {
  /** postgres://user:password@host:port/database */
  readonly url: string;
  /** Pool size (default 4). */
  readonly max?: number;
}

/**
 * The `pg` driver: a small pool for statements and history, and one extra connection for the lock.
 * @example const driver = new PgDriver({ url: process.env.DATABASE_URL! });
 */
export class PgDriver implements PostgresDriver {
  readonly kind = 'pg';
  readonly #options: PgDriverOptions;
  #pool: pg.Pool | undefined;
  readonly #pids = new Set<number>();

  constructor(options: PgDriverOptions) {
    this.#options = options;
  }

  async connect(): Promise<void> {
    if (this.#pool) return;
    const pool = new pg.Pool({ connectionString: this.#options.url, max: this.#options.max ?? 4, application_name: POOL_APPLICATION_NAME });
    pool.on('error', () => undefined); // an idle client died (server restart); the pool replaces it
    pool.on('connect', (client) => void this.#pids.add(pidOf(client)));
    pool.on('remove', (client) => void this.#pids.delete(pidOf(client)));
    try {
      const client = await pool.connect();
      client.release();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw new PostgresConnectionError(describeUrl(this.#options.url), error);
    }
    this.#pool = pool;
  }

  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.end();
  }

  async query(text: string, params?: readonly unknown[]): Promise<QueryResult> {
    return this.#require().query(text, params as unknown[] | undefined);
  }

  /** BEGIN travels with the first statement and a queued last write with the COMMIT (LazyTransaction). */
  async transaction<T>(fn: (q: TransactionQueryable) => Promise<T>, begin?: string): Promise<T> {
    const client = await this.#require().connect();
    const tx = new LazyTransaction((text, params) => client.query(text, params as unknown[] | undefined), begin);
    const notices = collectNotices(client);
    let broken = false;
    try {
      const result = await fn(withNotices(tx.queryable, notices));
      await tx.commit();
      return result;
    } catch (error) {
      await tx.rollback().catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      notices.stop();
      client.release(broken);
    }
  }

  async connection<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const client = await this.#require().connect();
    const notices = collectNotices(client);
    try {
      return await fn(withNotices(wrap(client), notices));
    } finally {
      notices.stop();
      client.release();
    }
  }

  ownPids(): readonly number[] {
    return [...this.#pids];
  }

  dedicated(applicationName: string): Promise<DedicatedConnection> {
    return openDedicated(this.#options.url, applicationName);
  }

  #require(): pg.Pool {
    if (!this.#pool) throw new PostgresConnectionError(describeUrl(this.#options.url), 'the adapter is not connected; call connect() first');
    return this.#pool;
  }
}

function pidOf(client: pg.PoolClient): number {
  return (client as unknown as { processID?: number }).processID ?? -1;
}

function wrap(client: pg.PoolClient | pg.Client): Queryable {
  return { query: (text, params) => client.query(text, params as unknown[] | undefined) };
}

async function openDedicated(url: string, applicationName: string): Promise<DedicatedConnection> {
  const client = new pg.Client({ connectionString: url, application_name: applicationName.slice(0, 63) });
  let broken = false;
  client.on('error', () => {
    broken = true;
  });
  client.on('end', () => {
    broken = true;
  });
  try {
    await client.connect();
  } catch (error) {
    throw new PostgresConnectionError(describeUrl(url), error);
  }
  return {
    query: (text, params) => client.query(text, params as unknown[] | undefined),
    close: async () => {
      broken = true;
      await client.end().catch(() => undefined);
    },
    destroy: () => {
      broken = true;
      (client as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    },
    get broken() {
      return broken;
    },
  };
}
