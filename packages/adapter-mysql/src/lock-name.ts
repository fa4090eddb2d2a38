import { createHash } from 'node:crypto';

/** GET_LOCK names are server-wide and at most 64 characters (MySQL 5.7+). */
const MAX_LOCK_NAME = 64;
const PREFIX = 'ductape_migrations.';

/**
 * The GET_LOCK name of a database's migration lock: one per database on a shared server.
 * @example lockName('app') // 'ductape_migrations.app'
 */
export function lockName(database: string): string {
  const name = `${PREFIX}${database}`;
  if (name.length <= MAX_LOCK_NAME) return name;
  return `${PREFIX}${createHash('sha256')
    .update(database)
    .digest('hex')
    .slice(0, MAX_LOCK_NAME - PREFIX.length)}`;
}
