/**
 * The exit codes of `ductape`, documented in the README. Stable: CI scripts match on them.
 * @example process.exitCode = ExitCode.usage;
 */
export const ExitCode = {
  /** Done; nothing to report. */
  ok: 0,
  /** An error: the database, a migration, the config (the message says which and what to do). */
  failure: 1,
  /** Wrong flags, unknown command, missing argument. */
  usage: 2,
  /** A check found something: lint findings, drift, pending/failed/changed migrations in status. */
  findings: 3,
  /** A confirmation was declined, or needed without a terminal (pass --yes). */
  aborted: 4,
} as const;

export type ExitCodeValue = (typeof ExitCode)[keyof typeof ExitCode];
