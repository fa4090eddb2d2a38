/** application_name of the pool's connections when they do not run migration work. */
export const POOL_APPLICATION_NAME = 'ductape';

/**
 * application_name a work session (`withSession`) carries while it runs migration steps, so the
 * next lock holder can find statements of a dead runner still running (pg_stat_activity).
 */
export const WORK_APPLICATION_NAME = 'ductape work';

/**
 * The SQL that marks a work session: `SET LOCAL` inside a transaction (reverted at its end, after
 * the COMMIT has landed), plain `SET` in autocommit (reset by `unmarkWorkSql`).
 * @example await db.query(markWorkSql(false)); … await db.query(UNMARK_WORK_SQL);
 */
export function markWorkSql(transactional: boolean): string {
  return `SET ${transactional ? 'LOCAL ' : ''}application_name = '${WORK_APPLICATION_NAME}'`;
}

/** Puts an autocommit work connection back to the pool's own name. */
export const UNMARK_WORK_SQL = `SET application_name = '${POOL_APPLICATION_NAME}'`;
