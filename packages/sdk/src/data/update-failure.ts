import { DuctapeError, ErrorCodes, redactSecrets } from '@ductape/core';
import { DataUpdateFailedError } from '../errors.js';

/** What to do next, by PostgreSQL SQLSTATE (also PGlite) or MongoDB error code. */
const HINTS: { readonly [code: string]: string } = {
  '22P02': 'a value is not valid for its column type: pass values of the column types (getAdapter().introspect(table) shows them)',
  '22007': 'a date or time value is not valid: pass ISO 8601 text such as "2024-01-15T14:30:00Z"',
  '22008': 'a date or time value is out of range: pass a valid date',
  '22001': 'a value is longer than its column allows: write shorter values, or widen the column first with db.schema.modifyField',
  '22003': 'a value is out of the range of its column type: widen the column first (e.g. to bigint or decimal), or change the expression',
  '22012': 'a row divides by zero: exclude those rows with where (e.g. where: { col: { $ne: 0 } })',
  '23502': 'a row would get null in a NOT NULL column: give a fallback with $COALESCE, or exclude those rows with where',
  '23505': 'the new values collide with a unique index or constraint: make them unique, or change the constraint first',
  '23503': 'a new value has no matching row in the table its foreign key references: set existing keys, or null',
  '23514': 'a new value breaks a check constraint: set values the constraint allows',
  '42804': 'an expression gives a type its column cannot hold: make the expression give the column type',
  '42883': 'an operator got a type it does not work on: use it on columns of a matching type',
  '121': "a new value does not match the collection's validator ($jsonSchema): pass values of the declared field types",
  '11000': 'the new values collide with a unique index: make them unique, or drop the index first',
};

/** Servers that answer with a generic code (FerretDB's SQLite/PostgreSQL backends) still say what happened. */
const BY_TEXT: readonly (readonly [RegExp, string])[] = [
  [/duplicate key|UNIQUE constraint failed|unique constraint/i, '11000'],
  [/Document failed validation/i, '121'],
];

/**
 * The typed error for a `db.update` the database refused: the driver's text (secrets redacted),
 * its code, what to do about it, and how many rows were updated by batches committed before.
 * Errors already typed as something else (connection, validation, …) pass through unchanged.
 * @example throw updateFailure('people', error, 0)
 */
export function updateFailure(table: string, error: unknown, rowsUpdated: number): unknown {
  if (error instanceof DuctapeError && error.code !== ErrorCodes.migrationFailed) return error;
  const e = (typeof error === 'object' && error !== null ? error : {}) as { message?: unknown; code?: unknown; detail?: unknown };
  const code = typeof e.code === 'string' || typeof e.code === 'number' ? String(e.code) : undefined;
  const text = redactSecrets(String(e.message ?? error)).slice(0, 1000);
  const detail = `${text}${typeof e.detail === 'string' ? ` (${redactSecrets(e.detail).slice(0, 500)})` : ''}${code ? ` [${code}]` : ''}`;
  const known = (code && HINTS[code] ? code : undefined) ?? BY_TEXT.find(([pattern]) => pattern.test(text))?.[1];
  const what = (known && HINTS[known]) ?? 'fix the values or the rows the database refused';
  const progress =
    rowsUpdated > 0
      ? `; ${rowsUpdated} row${rowsUpdated === 1 ? ' was' : 's were'} updated by batches committed before the failure, and calling db.update again with the same request resumes after them`
      : '; no batch was committed, so nothing was changed';
  return new DataUpdateFailedError(table, rowsUpdated, detail, `${what}${progress}`, error);
}
