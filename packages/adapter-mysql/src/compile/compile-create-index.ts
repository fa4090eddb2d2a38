import type { CompileContext, CreateIndexOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { indexClause, isSpecialIndex } from './index-definition.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … ADD INDEX, built in place with LOCK=NONE so writes go on (`concurrently: true`
 * insists: no fallback; `false` leaves the algorithm to the server). FULLTEXT and SPATIAL
 * indexes can at best be built with LOCK=SHARED.
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'ix_email', fields: [{ name: 'email' }] }, ctx)
 * // ['ALTER TABLE `users` ADD INDEX `ix_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE', …]
 */
export function compileCreateIndex(op: CreateIndexOp, ctx: CompileContext): Step[] {
  const { type: _type, collection, concurrently, ...index } = op;
  const table = quoteIdent(collection, 'table');
  const preferred = concurrently === false ? 'plain' : isSpecialIndex(op) ? 'shared' : concurrently === true ? 'require' : 'inplace';
  return [alter(table, [`ADD ${indexClause(index)}`], onlineMode(ctx, op, collection, preferred), `create index ${quoteIdent(op.name, 'index')} on ${table}`)];
}
