import { InvalidArgumentError, type Session } from '@ductape/core';
import type { MysqlConnection } from './mysql-driver.js';

/** A session of the MySQL-family adapters: one pooled connection, never a DDL transaction. */
export interface MysqlSession extends Session {
  readonly transactional: false;
  readonly connection: MysqlConnection;
}

/**
 * The connection of a session this adapter made.
 * @example connectionOf(session).query('SELECT 1')
 */
export function connectionOf(session: Session): MysqlConnection {
  const c = (session as Partial<MysqlSession> | undefined)?.connection;
  if (!c || typeof c.query !== 'function') throw new InvalidArgumentError('the session', 'a session made by this adapter (withSession)', session);
  return c;
}
