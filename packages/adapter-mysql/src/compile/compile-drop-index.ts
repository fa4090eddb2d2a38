import type { CompileContext, DropIndexOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … DROP INDEX, in place with LOCK=NONE. When a foreign key needs the index (InnoDB
 * dropped the index it had made for the key when this one came), the executor adds that index
 * back in the same ALTER (see foreign-key-index.ts), so the table is as it was before the index.
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'ix_email' }, ctx)
 */
export function compileDropIndex(op: DropIndexOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const name = quoteIdent(op.name, 'index');
  return [alter(table, [`DROP INDEX ${name}`], onlineMode(ctx, op, op.collection, 'inplace'), `drop index ${name} on ${table}`, { dropsIndex: { table: op.collection, index: op.name } })];
}
