import type { Migration } from '@ductape/core';

const PREFIX = 'db.schema.';

/**
 * The description `db.schema.*` gives the migration it makes (`db.schema.addField`): kept in
 * history, outside the checksum, so tools can tell a migration made in code (which never has a
 * migration file) from one applied from a file that is now missing.
 * @example intentDescription('addField') // 'db.schema.addField'
 */
export function intentDescription(method: string): string {
  return `${PREFIX}${method}`;
}

/**
 * Whether `m` was made by a `db.schema.*` call (see `intentDescription`).
 * @example isSchemaIntent(entry.migration) // true for a row of db.schema.addField
 */
export function isSchemaIntent(m: Pick<Migration, 'description'> | undefined): boolean {
  return typeof m?.description === 'string' && m.description.startsWith(PREFIX);
}
