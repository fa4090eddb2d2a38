import { DuctapeError, ErrorCodes } from '@ductape/core';

/** One statement of another ductape work session, as the processlist shows it. */
export interface RunningWork {
  /** The connection id (processlist ID). */
  readonly id: number;
  /** Seconds since the statement started. */
  readonly seconds: number;
  /** The first characters of the statement, literals blanked. */
  readonly statement: string;
}

/**
 * The lock was taken, but a statement of another ductape work session (a runner that died, or
 * one run by hand with our marker) kept running past the settle timeout. Code DUCTAPE_LOCK_TIMEOUT;
 * the lock is released again before it is thrown.
 * @example throw new WorkStillRunningError([{ id: 42, seconds: 61, statement: 'ALTER TABLE …' }], 60_000);
 */
export class WorkStillRunningError extends DuctapeError {
  constructor(
    readonly running: readonly RunningWork[],
    timeoutMs: number,
  ) {
    const list = running.map((w) => `connection ${w.id} (running for ${w.seconds} s: ${w.statement})`).join('; ');
    const kill = running.map((w) => `KILL QUERY ${w.id}`).join(', ');
    super(
      ErrorCodes.lockTimeout,
      `took the migration lock, but migration work of another session was still running on this database after ${timeoutMs} ms: ${list}`,
      `wait for it to finish and run again (its runner is gone or it was started by hand; it is not recorded in history), or stop it with ${kill}`,
    );
  }
}
