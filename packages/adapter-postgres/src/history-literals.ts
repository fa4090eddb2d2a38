import type { HistoryEntry } from '@ductape/core';

/**
 * A SQL string literal in the escape form (`E'…'`: quotes and backslashes doubled), read the same
 * whatever standard_conforming_strings is; undefined for text PostgreSQL cannot hold (NUL).
 * @example escapeLiteral("it's \\ here") // "E'it''s \\\\ here'"
 */
export function escapeLiteral(value: string): string | undefined {
  if (value.includes('\u0000')) return undefined;
  return `E'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The values of a history row as SQL literals in `COLUMNS` order (see postgres-history.ts), for a
 * write sent without parameters (in the COMMIT's round trip); undefined when one cannot be written
 * exactly as a literal (NUL in a text, an invalid date, a count that is not a safe integer): the
 * caller then sends the row as parameters.
 * @example historyLiterals(entry)?.join(', ') // "E'm1', E'20260101…', …, E'{\"name\":\"m1\",…}'"
 */
export function historyLiterals(entry: HistoryEntry): string[] | undefined {
  const values = [
    text(entry.name),
    text(entry.tag),
    text(entry.checksum),
    text(entry.status),
    text(entry.direction),
    date(entry.appliedAt),
    date(entry.startedAt),
    int(Math.round(entry.executionMs)),
    int(entry.stepsApplied),
    int(entry.stepsTotal),
    entry.error === null ? 'NULL' : text(entry.error),
    text(entry.appliedBy),
    text(JSON.stringify(entry.migration)),
    warningsText(entry) === null ? 'NULL' : text(warningsText(entry)),
  ];
  return values.every((v): v is string => v !== undefined) ? values : undefined;
}

/**
 * The row's `warnings` column: what the server warned about its steps as JSON text, or null when none.
 * @example warningsText({ ...entry, warnings: [{ step: 0, summary: 'raw postgres', message: 'WARNING 01000: careful' }] })
 */
export function warningsText(entry: HistoryEntry): string | null {
  return entry.warnings && entry.warnings.length > 0 ? JSON.stringify(entry.warnings) : null;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? escapeLiteral(value) : undefined;
}

function date(value: Date | null): string | undefined {
  if (value === null) return 'NULL';
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) return undefined;
  const year = value.getUTCFullYear();
  if (year < 1 || year > 9999) return undefined; // toISOString's expanded years are not PostgreSQL input
  return `'${value.toISOString()}'::timestamptz`;
}

function int(value: number): string | undefined {
  return Number.isSafeInteger(value) && Math.abs(value) <= 2_147_483_647 ? String(value) : undefined;
}
