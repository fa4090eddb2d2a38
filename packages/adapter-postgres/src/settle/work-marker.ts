import { lockKey } from '../lock-key.js';

/** application_name of the pool's connections when they do not run migration work. */
export const POOL_APPLICATION_NAME = 'ductape';

/**
 * application_name a work session carried before work marks named their schema (and that the
 * settle wait still waits for, so a runner of that version killed mid-step is waited for too).
 */
export const WORK_APPLICATION_NAME = 'ductape work';

/**
 * application_name a work session (`withSession`) carries while it runs migration steps of
 * `schema`, so the next holder of that schema's lock can find statements of a dead runner still
 * running (pg_stat_activity). It names the schema's lock key (a bigint: always fits the 63
 * characters of application_name), so a runner waits only for work on its own schema, not for
 * the other tenants of a schema-per-tenant fleet migrating in the same database.
 * @example workApplicationName('public') // 'ductape work -8301…'
 */
export function workApplicationName(schema: string): string {
  return `${WORK_APPLICATION_NAME} ${lockKey(schema).key}`;
}

/**
 * The SQL that marks a work session on `schema`: `SET LOCAL` inside a transaction (reverted at
 * its end, after the COMMIT has landed), plain `SET` in autocommit (reset by `UNMARK_WORK_SQL`).
 * @example await db.query(markWorkSql(false, 'public')); … await db.query(UNMARK_WORK_SQL);
 */
export function markWorkSql(transactional: boolean, schema: string): string {
  return `SET ${transactional ? 'LOCAL ' : ''}application_name = '${workApplicationName(schema)}'`;
}

/** Puts an autocommit work connection back to the pool's own name. */
export const UNMARK_WORK_SQL = `SET application_name = '${POOL_APPLICATION_NAME}'`;
