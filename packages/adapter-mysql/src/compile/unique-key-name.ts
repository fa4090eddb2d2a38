/** PostgreSQL's NAMEDATALEN - 1: the longest name (in bytes) it gives a constraint. */
const PG_NAME_BYTES = 63;

/**
 * The name of the unique key of a field declared `unique: true`: `<table>_<column>_key`, the name
 * PostgreSQL gives the same constraint, so a `dropConstraint('users_email_key')` written against
 * PostgreSQL finds it on MySQL and MariaDB too. A name over 63 bytes is shortened as PostgreSQL's
 * makeObjectName does (the longer of table and column loses a character at a time, never inside
 * a multi-byte character), which also fits MySQL's 64-character limit.
 * @example uniqueKeyName('users', 'email') // 'users_email_key'
 */
export function uniqueKeyName(table: string, column: string): string {
  const label = 'key';
  const available = PG_NAME_BYTES - 1 - (label.length + 1);
  let a = byteLength(table);
  let b = byteLength(column);
  while (a + b > available) {
    if (a > b) a--;
    else b--;
  }
  return `${clip(table, a)}_${clip(column, b)}_${label}`;
}

/** The legacy name of that key (MySQL's own choice, which earlier versions of this adapter kept): the column's name. */
export function legacyUniqueKeyName(column: string): string {
  return column;
}

function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** The longest prefix of `s` of at most `bytes` UTF-8 bytes that ends on a character boundary. */
function clip(s: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of s) {
    const n = byteLength(ch);
    if (used + n > bytes) break;
    out += ch;
    used += n;
  }
  return out;
}
