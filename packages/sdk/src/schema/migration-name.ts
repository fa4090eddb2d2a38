import { MAX_IDENTIFIER_LENGTH } from '@ductape/core';

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
