import type { CompileContext, DropIndexOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … DROP INDEX, in place with LOCK=NONE.
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'ix_email' }, ctx)
 */
export function compileDropIndex(op: DropIndexOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const name = quoteIdent(op.name, 'index');
  return [alter(table, [`DROP INDEX ${name}`], onlineMode(ctx, op, op.collection, 'inplace'), `drop index ${name} on ${table}`)];
}
