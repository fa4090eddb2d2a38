import type { PGlite, Transaction } from '@electric-sql/pglite';
import { PostgresConnectionError } from './postgres-connection-error.js';
import type { PostgresDriver, QueryResult, Queryable, TransactionQueryable } from './postgres-driver.js';
import { type NoticeLike, collectNotices, withNotices } from './notices.js';

export interface PGliteDriverOptions {
  /** A directory to keep the database in, or 'memory://' (default) for an in-memory one. */
  readonly dataDir?: string;
  /** An open PGlite instance to share (several adapters on one embedded database). */
  readonly instance?: PGlite;
}

/**
 * Embedded PostgreSQL (PGlite, WASM) in this process. `@electric-sql/pglite` is an optional
 * peer dependency, loaded on connect. One session only, so the lock is a lease row.
 * @example const driver = new PGliteDriver({ dataDir: './.ductape/pg' });
 */
export class PGliteDriver implements PostgresDriver {
  readonly kind = 'pglite';
  readonly #options: PGliteDriverOptions;
  #db: PGlite | undefined;
  #owned = false;

  constructor(options: PGliteDriverOptions = {}) {
    this.#options = options;
  }

  /** The PGlite instance (after connect), to share with another adapter. */
  get instance(): PGlite | undefined {
    return this.#db;
  }

  async connect(): Promise<void> {
    if (this.#db) return;
    if (this.#options.instance) {
      this.#db = this.#options.instance;
      return;
    }
    let mod: typeof import('@electric-sql/pglite');
    try {
      mod = await import('@electric-sql/pglite');
    } catch (error) {
      throw new PostgresConnectionError('embedded PGlite', `@electric-sql/pglite is not installed; add it to your dependencies (${error instanceof Error ? error.message : String(error)})`);
    }
    try {
      this.#db = await mod.PGlite.create(this.#options.dataDir ?? 'memory://');
      this.#owned = true;
    } catch (error) {
      throw new PostgresConnectionError(`embedded PGlite in ${this.#options.dataDir ?? 'memory'}`, error);
    }
  }

  async close(): Promise<void> {
    const db = this.#db;
    this.#db = undefined;
    if (db && this.#owned) await db.close();
  }

  query(text: string, params?: readonly unknown[]): Promise<QueryResult> {
    return run(this.#require(), text, params);
  }

  transaction<T>(fn: (q: TransactionQueryable) => Promise<T>, begin?: string): Promise<T> {
    return this.#require().transaction(async (tx) => {
      if (begin) await tx.exec(begin);
      const notices = collectNotices();
      return fn(withNotices({ query: (text, params) => run(tx, text, params, notices.push) }, notices));
    });
  }

  connection<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    const db = this.#require();
    const notices = collectNotices();
    return fn(withNotices({ query: (text, params) => run(db, text, params, notices.push) }, notices));
  }

  dedicated(): undefined {
    return undefined;
  }

  #require(): PGlite {
    if (!this.#db) throw new PostgresConnectionError('embedded PGlite', 'the adapter is not connected; call connect() first');
    return this.#db;
  }
}

async function run(db: PGlite | Transaction, text: string, params?: readonly unknown[], onNotice?: (n: NoticeLike) => void): Promise<QueryResult> {
  const options = onNotice ? { onNotice } : undefined;
  if (params && params.length > 0) {
    const r = await db.query<Record<string, unknown>>(text, params as unknown[], options);
    return { rows: r.rows };
  }
  // Without parameters: the simple protocol, which allows several statements (raw SQL).
  const results = await db.exec(text, options);
  return { rows: (results[results.length - 1]?.rows ?? []) as Record<string, unknown>[] };
}
