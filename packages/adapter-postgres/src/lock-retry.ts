import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresSession } from './postgres-session.js';

/** SQLSTATE of "lock_timeout fired" (lock_not_available). */
export const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Runs one DDL statement that needs a strong table lock, with `lock_timeout` set so it never
 * queues behind a long transaction (and so never blocks the writers queued behind it), retried
 * with backoff up to `attempts` times. One round trip per attempt: inside a transaction the
 * statement travels between `SAVEPOINT` and its `RELEASE` (a failure stops the text there, and the
 * savepoint is what the retry rolls back to); in autocommit between `SET lock_timeout` and `RESET`,
 * one implicit transaction, so a failure also undoes the SET.
 * @example await runWithLockRetry(session, 'ALTER TABLE "t" ADD COLUMN "c" integer', 3);
 */
export async function runWithLockRetry(session: PostgresSession, text: string, attempts: number): Promise<void> {
  const db = session.db;
  // A newline before each `;`: a statement ending in a line comment cannot swallow what follows.
  const wrapped = session.transactional
    ? `SAVEPOINT ductape_step;\n${text}\n;RELEASE SAVEPOINT ductape_step`
    : `SET lock_timeout = ${Math.round(session.lockTimeoutMs)};\n${text}\n;RESET lock_timeout`;
  for (let attempt = 1; ; attempt++) {
    try {
      // The table lock is held until COMMIT: every round trip saved is time writers do not wait.
      await db.query(wrapped);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || attempt >= attempts) throw error;
      if (session.transactional) await db.query('ROLLBACK TO SAVEPOINT ductape_step');
      await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random()));
    }
  }
}
