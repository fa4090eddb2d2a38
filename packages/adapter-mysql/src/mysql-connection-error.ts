import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';

/** The server could not be reached, refused the login, or is too old. Never carries a password. */
export class MysqlConnectionError extends DuctapeError {
  constructor(server: string, what: string, cause: unknown) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      ErrorCodes.connection,
      `could not use ${server} at ${redactSecrets(what)}: ${redactSecrets(detail)}`,
      'check that the server is running and the connection settings are right (run `pnpm services:up mariadb` for the test server)',
      { cause },
    );
  }
}

/** The server's error number (ER_* code) of a driver error, if any. */
export function errnoOf(error: unknown): number | undefined {
  const n = (error as { errno?: unknown } | undefined)?.errno;
  return typeof n === 'number' ? n : undefined;
}

/**
 * A driver error as an Error whose message names the step and never a password.
 * @example stepError(err, 'add column `users`.`phone`')
 */
export function stepError(error: unknown, summary: string): Error {
  const raw = error as { sqlMessage?: string; text?: string; message?: string } | undefined;
  const message = redactSecrets(raw?.sqlMessage ?? raw?.text ?? raw?.message ?? String(error));
  const errno = errnoOf(error);
  // Plain on purpose: it is the driver's refusal (redacted), as PostgreSQL's driver errors pass on
  // unchanged; the engine wraps it in MigrationFailedError (a DuctapeError here would change that).
  const wrapped = new Error(`${message}${errno === undefined ? '' : ` (errno ${errno})`} — while running: ${summary}`, { cause: error });
  (wrapped as Error & { errno?: number }).errno = errno;
  return wrapped;
}
