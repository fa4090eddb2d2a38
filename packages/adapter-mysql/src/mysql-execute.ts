import { setTimeout as sleep } from 'node:timers/promises';
import type { Step } from '@ductape/core';
import type { AlterAttempt, MysqlStatementStep } from './compile/step.js';
import { errnoOf, stepError } from './mysql-connection-error.js';
import type { MysqlConnection } from './mysql-driver.js';
import { runCommand } from './mysql-commands.js';
import type { MysqlLogger } from './mysql-logger.js';

/** ER_ALTER_OPERATION_NOT_SUPPORTED and …_REASON: the server refused an ALGORITHM/LOCK before changing anything. */
const ALGORITHM_REFUSED = new Set([1845, 1846]);
/** ER_LOCK_WAIT_TIMEOUT: the ALTER waited lock_wait_timeout for the table's metadata lock. */
const LOCK_WAIT_TIMEOUT = 1205;

export interface ExecuteOptions {
  readonly logger: MysqlLogger;
  /** How many times an ALTER that timed out waiting for its metadata lock is tried again. */
  readonly lockRetries: number;
}

/**
 * Runs one step on `connection`. A statement with fallbacks is tried with each algorithm in turn
 * while the server refuses it (errors 1845/1846 come before any change); moving to one that copies
 * the table or blocks writes is logged. ALTERs that time out on the metadata lock are retried.
 * @example await executeStep(step, connection, { logger: consoleLogger, lockRetries: 3 })
 */
export async function executeStep(step: Step, connection: MysqlConnection, options: ExecuteOptions): Promise<void> {
  if (step.kind === 'noop') return;
  if (step.kind === 'command') return runCommand(step, connection);
  const s = step as MysqlStatementStep;
  const attempts: AlterAttempt[] = [{ text: s.text, algorithm: algorithmOf(s.text), blocksWrites: false }, ...(s.fallbacks ?? [])];
  for (let i = 0; i < attempts.length; i++) {
    const attempt = attempts[i] as AlterAttempt;
    try {
      await withLockRetry(() => connection.query(attempt.text), s, options);
      return;
    } catch (error) {
      const next = attempts[i + 1];
      if (!next || !ALGORITHM_REFUSED.has(errnoOf(error) ?? 0)) throw stepError(error, s.summary);
      if (next.blocksWrites) options.logger.warn(refusedMessage(s.summary, attempt.algorithm, next, error));
    }
  }
}

async function withLockRetry(run: () => Promise<unknown>, step: MysqlStatementStep, options: ExecuteOptions): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (!step.lockRetry || errnoOf(error) !== LOCK_WAIT_TIMEOUT || attempt >= options.lockRetries) throw error;
      const wait = 500 * 2 ** attempt;
      options.logger.warn(`${step.summary}: timed out waiting for the table's metadata lock (a long transaction holds it); trying again in ${wait} ms (${attempt + 1} of ${options.lockRetries})`);
      await sleep(wait);
    }
  }
}

function refusedMessage(summary: string, refused: string, next: AlterAttempt, error: unknown): string {
  const reason = (error as { sqlMessage?: string; text?: string; message?: string }).sqlMessage ?? (error as { message?: string }).message ?? '';
  const effect = next.algorithm === 'COPY'
    ? 'the table is copied row by row and writes to it wait until the copy ends'
    : 'writes to the table wait until it ends (no copy)';
  return `table copy: ${summary} — the server refused ALGORITHM=${refused} (${reason.replace(/\s+/g, ' ').trim()}); running it with ALGORITHM=${next.algorithm}: ${effect}`;
}

function algorithmOf(text: string): string {
  return /ALGORITHM=([A-Z]+(?:, LOCK=[A-Z]+)?)$/.exec(text)?.[1] ?? 'DEFAULT';
}
