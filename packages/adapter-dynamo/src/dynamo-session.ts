import type { Session } from '@ductape/core';

/** DynamoDB has no transactional DDL: every session is autocommit (the engine records progress per step). */
export interface DynamoSession extends Session {
  readonly transactional: false;
}

/**
 * Runs `fn` with a non-transactional session, whatever mode is asked.
 * @example await withDynamoSession(async (s) => s.transactional) // false
 */
export async function withDynamoSession<T>(fn: (session: DynamoSession) => Promise<T>): Promise<T> {
  return fn({ transactional: false });
}
