import { createHash } from 'node:crypto';
import { uniqueKeyName } from '@ductape/core';
import { MAX_PG_IDENTIFIER_BYTES } from '../quote.js';

/**
 * Name of a constraint or index the adapter derives from a table and column, kept within
 * PostgreSQL's 63 bytes (a long name is cut and ends with a short hash, so it stays unique).
 * @example derivedName('users', 'email', 'key') // 'users_email_key'
 */
export function derivedName(table: string, column: string | undefined, suffix: string): string {
  const full = column === undefined ? `${table}_${suffix}` : `${table}_${column}_${suffix}`;
  if (Buffer.byteLength(full, 'utf8') <= MAX_PG_IDENTIFIER_BYTES) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  const tail = `_${hash}_${suffix}`;
  let head = full;
  while (Buffer.byteLength(head + tail, 'utf8') > MAX_PG_IDENTIFIER_BYTES) head = head.slice(0, -1);
  return head + tail;
}

/** The primary key constraint of a table. */
export const pkName = (table: string): string => derivedName(table, undefined, 'pkey');
/**
 * The unique constraint of a field declared `unique: true`: core's portable `<table>_<column>_key`
 * (cut with a hash past 63 bytes), the same name MySQL and MariaDB give it.
 */
export const uniqueName = (table: string, column: string): string => uniqueKeyName(table, column);
/** The CHECK constraint that holds an enum field's values. */
export const enumName = (table: string, column: string): string => derivedName(table, column, 'enum');
/** The temporary check used to set NOT NULL without a long lock. */
export const notNullName = (table: string, column: string): string => derivedName(table, column, 'not_null');
