import type { Adapter } from './adapter.js';

/** Where and what an adapter connects to, as resolved by the sdk from config or environment. */
export interface AdapterTarget {
  /** A URL (`postgres://…`), or a settings object the adapter documents. Secrets already interpolated. */
  readonly connection: string | { readonly [key: string]: unknown };
  readonly product: string;
  readonly database: string;
  readonly env: string;
  /** Adapter-specific options from the config file. */
  readonly options?: { readonly [key: string]: unknown };
  /**
   * Optional: connections shared with other adapters of the same package, made by that package's
   * `createConnectionPool` export. An adapter given one borrows a single connection from it in
   * `connect()` (waiting while the pool is full) and gives it back, its session state reset, in
   * `close()`; an adapter that does not know the pool (made by another package) ignores it.
   */
  readonly pool?: ConnectionPool;
}

/**
 * What an adapter package exports so the sdk can load it by name: `export function createAdapter`.
 * @example export const createAdapter: AdapterFactory = (target) => new PostgresAdapter(target);
 */
export type AdapterFactory = (target: AdapterTarget) => Adapter | Promise<Adapter>;

/**
 * Connections shared by many adapters of one package (the targets of a fleet): at most `max` open
 * at once over every server and database it serves, each lent to one adapter at a time. Opaque
 * to its users: only the package that made it reads it.
 */
export interface ConnectionPool {
  /** Open connections now (lent and idle). */
  readonly open: number;
  /** Closes every idle connection and each lent one as it comes back. */
  close(): Promise<void>;
}

/**
 * The optional second export of an adapter package, `createConnectionPool`: a pool that adapters
 * created with `{ ...target, pool }` share. A package without it gets one connection set per adapter.
 * @example
 * const pool = createConnectionPool({ max: 8 });
 * const a = createAdapter({ ...target, pool }); await a.connect(); // borrows one connection
 * await a.close(); // gives it back, reset
 * await pool.close();
 */
export type ConnectionPoolFactory = (options: { readonly max: number }) => ConnectionPool;
