import type { Session } from '@ductape/core';
import type { CassandraDriver } from './cassandra-driver.js';

/** Cassandra has no transactions for DDL: every session is non-transactional. */
export interface CassandraSession extends Session {
  readonly transactional: false;
  readonly driver: CassandraDriver;
}

/**
 * The session of `driver`, or undefined when `session` did not come from a Cassandra adapter.
 * @example const s = asCassandraSession(session);
 */
export function asCassandraSession(session: Session): CassandraSession | undefined {
  const s = session as Partial<CassandraSession> | undefined;
  return s && typeof s === 'object' && s.transactional === false && s.driver !== undefined ? (s as CassandraSession) : undefined;
}
