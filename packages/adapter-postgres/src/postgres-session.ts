import type { Session } from '@ductape/core';
import type { Queryable } from './postgres-driver.js';

/** The session the PostgreSQL adapter hands to execute and history writes. */
export interface PostgresSession extends Session {
  readonly db: Queryable;
  /** `lock_timeout` to apply around lock-retry statements in autocommit. */
  readonly lockTimeoutMs: number;
}

/**
 * The adapter's own session, or undefined for a session some other adapter made.
 * @example const db = asPostgresSession(session)?.db;
 */
export function asPostgresSession(session: Session | undefined): PostgresSession | undefined {
  return session !== undefined && 'db' in session ? (session as PostgresSession) : undefined;
}
