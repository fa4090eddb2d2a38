/** Rows of one query, as plain objects. */
export interface QueryResult {
  readonly rows: Record<string, unknown>[];
}

/** Something that runs SQL: a pooled connection, a transaction, or PGlite itself. */
export interface Queryable {
  /** Runs one statement; without params a text of several statements is allowed. */
  query(text: string, params?: readonly unknown[]): Promise<QueryResult>;
  /**
   * Optional: the notices and warnings the server sent on this connection since the last call (one
   * line each, e.g. `WARNING 01000: careful`), forgotten once returned. The adapter's execute
   * returns them with the step that raised them.
   */
  takeNotices?(): readonly string[];
}

/**
 * The Queryable of a transaction. A server driver may carry a last write in the COMMIT's round trip.
 */
export interface TransactionQueryable extends Queryable {
  /**
   * Optional: sends `text` (SQL without parameters) in the same round trip as the COMMIT, or on
   * its own before the next statement if another comes first. Absent where the driver cannot
   * (PGlite commits through its own API): the caller then runs the write at once.
   */
  beforeCommit?(text: string): void;
}

/** A connection of its own, kept open while it holds a session-level lock. */
export interface DedicatedConnection extends Queryable {
  /** Closes it; a lock it holds is released by the server. */
  close(): Promise<void>;
  /** Drops it without a goodbye, as a dead process would (tests). */
  destroy(): void;
  /** True once the connection broke or was closed. */
  readonly broken: boolean;
}

/**
 * What the adapter needs of a PostgreSQL driver. Two implement it: `pg` (a server) and PGlite
 * (embedded). Kysely's dialects have the same split: one compiler, several drivers.
 */
export interface PostgresDriver {
  readonly kind: 'pg' | 'pglite';
  connect(): Promise<void>;
  close(): Promise<void>;
  /** Runs a statement on any connection, in autocommit. */
  query(text: string, params?: readonly unknown[]): Promise<QueryResult>;
  /**
   * Runs `fn` on one connection inside BEGIN … COMMIT (ROLLBACK when it throws). `begin` is extra
   * SQL (no parameters) run right after BEGIN; a server driver sends both in the round trip of the
   * first statement without parameters, and nothing at all when `fn` runs no statement.
   */
  transaction<T>(fn: (q: TransactionQueryable) => Promise<T>, begin?: string): Promise<T>;
  /** Runs `fn` on one connection in autocommit. */
  connection<T>(fn: (q: Queryable) => Promise<T>): Promise<T>;
  /**
   * A separate server session for the migration lock, or undefined when the driver has a single
   * session (PGlite): the adapter then uses a lease row instead of an advisory lock.
   */
  dedicated(applicationName: string): Promise<DedicatedConnection> | undefined;
  /** Server pids of this driver's own pooled connections (a server driver; PGlite has none). */
  ownPids?(): readonly number[];
}
