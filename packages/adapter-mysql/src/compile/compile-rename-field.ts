import type { CompileContext, RenameFieldOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … RENAME COLUMN (MySQL 8.0+, MariaDB 10.5.2+): the definition is untouched.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, ctx)
 * // ['ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT', …]
 */
export function compileRenameField(op: RenameFieldOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const from = quoteIdent(op.from, 'field');
  const to = quoteIdent(op.to, 'field');
  return [alter(table, [`RENAME COLUMN ${from} TO ${to}`], onlineMode(ctx, op, op.collection, 'instant'), `rename column ${table}.${from} to ${to}`)];
}
