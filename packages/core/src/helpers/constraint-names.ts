import { createHash } from 'node:crypto';

/** Longest name every SQL database we support accepts (PostgreSQL's 63 bytes; MySQL allows 64). */
export const PORTABLE_NAME_BYTES = 63;

/**
 * `<table>_<column>_<suffix>`, the name PostgreSQL gives by default, made to fit every database:
 * a name longer than 63 bytes is cut and ends with 8 hex digits of its SHA-256, so it stays
 * unique and is the same on PostgreSQL, MySQL and MariaDB.
 * @example portableName('users', 'email', 'key') // 'users_email_key'
 */
export function portableName(table: string, column: string, suffix: 'key' | 'fkey'): string {
  const full = `${table}_${column}_${suffix}`;
  if (Buffer.byteLength(full) <= PORTABLE_NAME_BYTES) return full;
  const hash = createHash('sha256').update(full).digest('hex').slice(0, 8);
  const tail = `_${hash}_${suffix}`;
  let head = full.slice(0, PORTABLE_NAME_BYTES);
  while (Buffer.byteLength(head) + Buffer.byteLength(tail) > PORTABLE_NAME_BYTES) head = head.slice(0, -1);
  return head + tail;
}

/**
 * The name of the foreign key an inline `references` on a field becomes.
 * @example foreignKeyName('orders', 'userId') // 'orders_userId_fkey'
 */
export function foreignKeyName(table: string, column: string): string {
  return portableName(table, column, 'fkey');
}

/**
 * The name of the unique constraint a field's `unique: true` becomes, on every SQL database.
 * @example uniqueKeyName('users', 'email') // 'users_email_key'
 */
export function uniqueKeyName(table: string, column: string): string {
  return portableName(table, column, 'key');
}
