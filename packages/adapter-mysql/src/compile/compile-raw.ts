import { ValidationError, type RawOp, type Step } from '@ductape/core';
import { sql } from './step.js';

/**
 * A raw operation runs its SQL as one statement, exactly as written.
 * @example compileRaw({ type: 'raw', dialect: 'mysql', sql: 'OPTIMIZE TABLE `users`' }) // ['OPTIMIZE TABLE `users`']
 */
export function compileRaw(op: RawOp): Step[] {
  if (typeof op.sql !== 'string' || op.sql.trim() === '') {
    throw new ValidationError(`raw ${op.dialect} operation`, [
      { code: 'raw_needs_sql', path: 'sql', message: 'a raw MySQL/MariaDB operation needs `sql` (one statement); driver commands are for MongoDB and DynamoDB' },
    ]);
  }
  const first = op.sql.trim().split('\n')[0] ?? '';
  return [sql(op.sql, `raw ${op.dialect}: ${first.length > 60 ? `${first.slice(0, 60)}…` : first}`)];
}
