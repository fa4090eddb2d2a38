import { setTimeout as sleep } from 'node:timers/promises';
import type { PostgresSession } from './postgres-session.js';

/** SQLSTATE of "lock_timeout fired" (lock_not_available). */
export const LOCK_NOT_AVAILABLE = '55P03';

/**
 * Runs one DDL statement that needs a strong table lock, with `lock_timeout` set so it never
 * queues behind a long transaction (and so never blocks the writers queued behind it), retried
 * with backoff up to `attempts` times. Inside a transaction each attempt is wrapped in a savepoint.
 * @example await runWithLockRetry(session, 'ALTER TABLE "t" ADD COLUMN "c" integer', 3);
 */
export async function runWithLockRetry(session: PostgresSession, text: string, attempts: number): Promise<void> {
  const db = session.db;
  if (!session.transactional) await db.query(`SET lock_timeout = ${Math.round(session.lockTimeoutMs)}`);
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        if (session.transactional) {
          // One round trip for savepoint + statement: the table lock is held until COMMIT, so every
          // round trip saved is time writers do not wait.
          await db.query(`SAVEPOINT ductape_step; ${text}`);
          await db.query('RELEASE SAVEPOINT ductape_step');
        } else await db.query(text);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE || attempt >= attempts) throw error;
        if (session.transactional) await db.query('ROLLBACK TO SAVEPOINT ductape_step');
        await sleep(Math.min(2000, 100 * 2 ** (attempt - 1)) * (0.5 + Math.random()));
      }
    }
  } finally {
    if (!session.transactional) await db.query('RESET lock_timeout').catch(() => undefined);
  }
}
