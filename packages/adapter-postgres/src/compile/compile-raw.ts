import { ValidationError, type RawOp, type Step } from '@ductape/core';
import { sql } from './step.js';

// Statements PostgreSQL refuses inside a transaction block.
const OUTSIDE = /\bCONCURRENTLY\b|^\s*(VACUUM|CREATE\s+DATABASE|DROP\s+DATABASE|ALTER\s+SYSTEM|CREATE\s+TABLESPACE|DROP\s+TABLESPACE)\b/i;

/**
 * A raw PostgreSQL statement as written. Statements that cannot run in a transaction
 * (e.g. CREATE INDEX CONCURRENTLY, VACUUM) become outside-transaction steps.
 * @example compileRaw({ type: 'raw', dialect: 'postgresql', sql: 'CREATE EXTENSION IF NOT EXISTS "uuid-ossp"' })
 */
export function compileRaw(op: RawOp): Step[] {
  if (typeof op.sql !== 'string' || op.sql.trim() === '') {
    throw new ValidationError('raw postgresql operation', [{ code: 'raw_needs_sql', path: 'sql', message: 'a raw postgresql operation needs SQL text, not a command' }]);
  }
  const first = op.sql.trim().split('\n')[0] ?? '';
  return [sql(op.sql, `raw: ${first.length > 60 ? `${first.slice(0, 57)}...` : first}`, { outsideTransaction: OUTSIDE.test(op.sql), relations: [{ do: 'unknown' }] })];
}
