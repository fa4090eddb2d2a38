import type { CompileContext, DropFieldOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … DROP COLUMN (INSTANT on MySQL 8.0.29+ and MariaDB 10.4+, else in place).
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'phone' }, ctx)
 */
export function compileDropField(op: DropFieldOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const column = quoteIdent(op.field, 'field');
  return [alter(table, [`DROP COLUMN ${column}`], onlineMode(ctx, op, op.collection, 'instant'), `drop column ${table}.${column}`)];
}
