import { MAX_IDENTIFIER_LENGTH, generateTag } from '@ductape/core';

/**
 * A migration name for an intent, made of its parts (identifiers may hold any character; names
 * may not), unique against `taken` by a numeric suffix: `create_users`, then `create_users_2`.
 * @example uniqueMigrationName(['add', 'phone', 'to', 'users'], new Set()) // 'add_phone_to_users'
 */
export function uniqueMigrationName(parts: readonly string[], taken: ReadonlySet<string>): string {
  const base = parts
    .map((p) => p.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '') || 'x')
    .join('_')
    .slice(0, MAX_IDENTIFIER_LENGTH);
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}_${n}`)) return `${base}_${n}`;
}

const TIMESTAMP = /^(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})_/;

/**
 * A tag (`YYYYMMDD_HHMMSS_name`, UTC) later than every tag in `existing`: the time `at` (now),
 * or one second after the newest existing tag when `at` is not later — so two migrations made in
 * the same second (or after a tag from a clock ahead of this one) still sort in the order they
 * were made. Strings that are not tags are ignored.
 * @example nextTag('add_phone', ['20240115_143052_create_users'], new Date('2024-01-15T14:30:52Z')) // '20240115_143053_add_phone'
 */
export function nextTag(name: string, existing: Iterable<string>, at: Date = new Date()): string {
  let newest = Number.NEGATIVE_INFINITY;
  for (const tag of existing) {
    const m = typeof tag === 'string' ? TIMESTAMP.exec(tag) : null;
    if (!m) continue;
    const [, y, mo, d, h, mi, s] = m.map(Number) as [number, number, number, number, number, number, number];
    newest = Math.max(newest, Date.UTC(y, mo - 1, d, h, mi, s));
  }
  const now = Math.floor(at.getTime() / 1000) * 1000;
  return generateTag(name, new Date(Number.isNaN(now) ? now : Math.max(now, newest + 1000)));
}
