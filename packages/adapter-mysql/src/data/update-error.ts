import { redactSecrets } from '@ductape/core';
import { errnoOf } from '../mysql-connection-error.js';

/**
 * The SQLSTATE (as PostgreSQL reports it) of the MySQL/MariaDB errors a data migration can meet,
 * so the sdk's DUCTAPE_DATA_UPDATE_FAILED carries the same hint on every SQL database. MySQL's
 * own SQLSTATE is too coarse for that (23000 for a duplicate, a NOT NULL and a foreign key).
 */
const SQLSTATE_OF_ERRNO: { readonly [errno: number]: string } = {
  1406: '22001', // ER_DATA_TOO_LONG
  1264: '22003', // ER_WARN_DATA_OUT_OF_RANGE
  1690: '22003', // ER_DATA_OUT_OF_RANGE
  1365: '22012', // ER_DIVISION_BY_ZERO
  1048: '23502', // ER_BAD_NULL_ERROR
  1263: '23502', // ER_WARN_NULL_TO_NOTNULL
  1062: '23505', // ER_DUP_ENTRY
  1452: '23503', // ER_NO_REFERENCED_ROW_2
  3819: '23514', // ER_CHECK_CONSTRAINT_VIOLATED (MySQL)
  4025: '23514', // ER_CONSTRAINT_FAILED (MariaDB)
  1366: '22P02', // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
  1292: '22P02', // ER_TRUNCATED_WRONG_VALUE (a date or time: 22007, below)
};

/** A server error of a data migration: the server's text and errno, with `code` the SQLSTATE the sdk's hints are keyed by. */
export class MysqlUpdateError extends Error {
  readonly code: string | undefined;
  readonly errno: number | undefined;

  constructor(error: unknown) {
    const raw = error as { sqlMessage?: string; text?: string; message?: string } | undefined;
    const text = redactSecrets(String(raw?.sqlMessage ?? raw?.text ?? raw?.message ?? error));
    const errno = errnoOf(error);
    super(`${text}${errno === undefined ? '' : ` (errno ${errno})`}`, { cause: error });
    this.name = 'MysqlUpdateError';
    this.errno = errno;
    const code = errno === undefined ? undefined : SQLSTATE_OF_ERRNO[errno];
    this.code = code === '22P02' && /date|time/i.test(text) ? '22007' : code;
  }
}

/**
 * A driver error of the server as a MysqlUpdateError; anything else (a typed DuctapeError, a
 * listener's error) unchanged.
 * @example throw updateError(e)
 */
export function updateError(error: unknown): unknown {
  return errnoOf(error) === undefined ? error : new MysqlUpdateError(error);
}

/** Errors after which the same batch is run again: a deadlock or a lock wait timeout (the batch was rolled back). */
export function isRetryable(error: unknown): boolean {
  const errno = errnoOf(error);
  return errno === 1213 || errno === 1205;
}
