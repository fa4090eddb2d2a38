import { DuctapeError, ErrorCodes } from '@ductape/core';

/** One statement of another ductape work session, as pg_stat_activity shows it. */
export interface RunningWork {
  readonly pid: number;
  readonly state: string;
  /** Seconds since the statement started. */
  readonly seconds: number;
  /** The first characters of the statement, literals blanked. */
  readonly statement: string;
}

/**
 * The lock was taken, but work of another ductape session (a runner that died, or DDL run by
 * hand under our application_name) kept running past the settle timeout. Code DUCTAPE_LOCK_TIMEOUT;
 * the lock is released again before it is thrown.
 * @example throw new WorkStillRunningError([{ pid: 42, state: 'active', seconds: 61, statement: 'ALTER TABLE …' }], 60_000);
 */
export class WorkStillRunningError extends DuctapeError {
  constructor(
    readonly running: readonly RunningWork[],
    timeoutMs: number,
  ) {
    const list = running.map((w) => `server pid ${w.pid} (${w.state} for ${w.seconds} s: ${w.statement})`).join('; ');
    const pids = running.map((w) => w.pid).join(', ');
    super(
      ErrorCodes.lockTimeout,
      `took the migration lock, but migration work of another session was still running on this database after ${timeoutMs} ms: ${list}`,
      `wait for it to finish and run again (its runner is gone or it was started by hand; it is not recorded in history), or end it with SELECT pg_terminate_backend(pid) for ${pids}`,
    );
  }
}
