import { createHash } from 'node:crypto';

/** PostgreSQL's limit on a name, in bytes (NAMEDATALEN - 1); it also fits MySQL's 64 characters. */
const MAX_NAME_BYTES = 63;

/**
 * The name of the unique key of a field declared `unique: true`: `<table>_<column>_key`, the name
 * @ductape/adapter-postgres gives the same constraint, so a `dropConstraint('users_email_key')`
 * written against PostgreSQL finds it on MySQL and MariaDB too. A name over 63 bytes is cut the
 * way the PostgreSQL adapter cuts it (derivedName): the head of the name, then `_` and the first
 * 8 hex digits of the sha256 of the full name, then `_key`; deterministic, and still unique.
 * @example uniqueKeyName('users', 'email') // 'users_email_key'
 */
export function uniqueKeyName(table: string, column: string): string {
  const full = `${table}_${column}_key`;
  if (Buffer.byteLength(full, 'utf8') <= MAX_NAME_BYTES) return full;
  const tail = `_${createHash('sha256').update(full).digest('hex').slice(0, 8)}_key`;
  let head = full;
  while (Buffer.byteLength(head + tail, 'utf8') > MAX_NAME_BYTES) head = head.slice(0, -1);
  return head + tail;
}

/** The name earlier versions of this adapter (and MySQL itself) gave that key: the column's. */
export function legacyUniqueKeyName(column: string): string {
  return column;
}
