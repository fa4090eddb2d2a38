import type { PGliteDriver } from '../../src/index.js';
import type { PostgresDriver, Queryable, QueryResult, TransactionQueryable } from '../../src/postgres-driver.js';

/**
 * The PGlite driver, every statement it is given recorded, and `BEGIN` for each transaction (the
 * database is real: nothing is faked).
 * @example const driver = new RecordingPglite(new PGliteDriver()); … driver.texts
 */
export class RecordingPglite implements PostgresDriver {
  readonly kind = 'pglite';
  readonly texts: string[] = [];
  constructor(private readonly inner: PGliteDriver) {}
  connect(): Promise<void> {
    return this.inner.connect();
  }
  close(): Promise<void> {
    return this.inner.close();
  }
  query(text: string, params?: readonly unknown[]): Promise<QueryResult> {
    this.texts.push(text);
    return this.inner.query(text, params);
  }
  transaction<T>(fn: (q: TransactionQueryable) => Promise<T>, begin?: string): Promise<T> {
    this.texts.push('BEGIN');
    return this.inner.transaction((q) => fn(this.#recorded(q)), begin);
  }
  connection<T>(fn: (q: Queryable) => Promise<T>): Promise<T> {
    return this.inner.connection((q) => fn(this.#recorded(q)));
  }
  dedicated(): undefined {
    return undefined;
  }
  #recorded(q: Queryable): Queryable {
    return {
      query: (text, params) => {
        this.texts.push(text);
        return q.query(text, params);
      },
    };
  }
}
