/** One row of a result, as a plain object keyed by column name. */
export type Row = { readonly [column: string]: unknown };

/** Something that runs SQL. */
export interface MysqlQueryable {
  /** Runs one statement with `?` parameters: rows for a SELECT, an empty list otherwise. */
  query(sql: string, params?: readonly unknown[]): Promise<Row[]>;
}

/** One server connection: pooled (released after use) or dedicated (the lock's). */
export interface MysqlConnection extends MysqlQueryable {
  /** The server's CONNECTION_ID() of this connection. */
  readonly threadId: number;
  /** False once the connection broke or was closed. */
  readonly alive: boolean;
  /** Gives a pooled connection back; ends a dedicated one. */
  release(): void;
  /** Ends it politely (the server releases its GET_LOCK locks). */
  close(): Promise<void>;
  /** Drops the socket without a goodbye, as a killed process would. */
  destroy(): void;
  /** COM_RESET_CONNECTION: session variables back to the server's defaults, temporary tables and GET_LOCK locks gone (a pooled connection between two borrowers). */
  reset?(): Promise<void>;
}

/**
 * What the MySQL-family adapter needs of a driver. Two implement it: `mysql2` (this package) and
 * `mariadb` (@ductape/adapter-mariadb). Every connection they hand out already runs with the
 * session settings of `SESSION_SETUP` (utf8mb4, UTC, backslash escapes on, lock_wait_timeout).
 */
export interface MysqlDriver {
  /** A connection from the pool. */
  acquire(): Promise<MysqlConnection>;
  /** A new connection outside the pool, for the migration lock. */
  dedicated(): Promise<MysqlConnection>;
  /** Ends the pool. */
  close(): Promise<void>;
  /** Drops every socket of the pool without a goodbye (tests: a crashed process). */
  destroy(): void;
  /** Connection ids (CONNECTION_ID()) of every connection this driver has open. */
  ownThreadIds?(): readonly number[];
}

/**
 * The statements every connection runs first: utf8mb4, UTC, and a sql_mode without
 * NO_BACKSLASH_ESCAPES and ANSI_QUOTES so the compiler's quoting means what it says.
 * @example sessionSetup(10) // ['SET NAMES utf8mb4', …, 'SET SESSION lock_wait_timeout = 10']
 */
export function sessionSetup(lockWaitTimeoutSeconds: number): string[] {
  const mode = "CONCAT(',', @@SESSION.sql_mode, ',')";
  const without = ['NO_BACKSLASH_ESCAPES', 'ANSI_QUOTES', 'ANSI'].reduce((acc, m) => `REPLACE(${acc}, ',${m},', ',')`, mode);
  return [
    'SET NAMES utf8mb4',
    "SET SESSION time_zone = '+00:00'",
    `SET SESSION sql_mode = TRIM(BOTH ',' FROM ${without})`,
    `SET SESSION lock_wait_timeout = ${Math.max(1, Math.floor(lockWaitTimeoutSeconds))}`,
  ];
}
