import type { CompileContext, CreateIndexOp, Step } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteIdent } from '../quote.js';
import { assertIndexFits } from './assert-index-fits.js';
import { indexClause, isSpecialIndex } from './index-definition.js';
import { knownKeyColumns } from './known-columns.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … ADD INDEX, built in place with LOCK=NONE so writes go on (`concurrently: true`
 * insists: no fallback; `false` leaves the algorithm to the server). FULLTEXT and SPATIAL
 * indexes can at best be built with LOCK=SHARED. The key must fit InnoDB's limits: columns this
 * migration defines are checked here (IndexKeyTooLongError before any IO), the table's real
 * columns by the step before its ALTER runs.
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'ix_email', fields: [{ name: 'email' }] }, ctx, MYSQL_DIALECT)
 * // ['ALTER TABLE `users` ADD INDEX `ix_email` (`email`), ALGORITHM=INPLACE, LOCK=NONE', …]
 */
export function compileCreateIndex(op: CreateIndexOp, ctx: CompileContext, dialect: MysqlCompileSettings): Step[] {
  const { type: _type, collection, concurrently, ...index } = op;
  const table = quoteIdent(collection, 'table');
  const clause = indexClause(index);
  assertIndexFits(collection, op.name, index, knownKeyColumns(ctx, op, collection, dialect), dialect, 'compile');
  const preferred = concurrently === false ? 'plain' : isSpecialIndex(op) ? 'shared' : concurrently === true ? 'require' : 'inplace';
  const keyCheck = { table: collection, index: op.name, fields: op.fields, ...(op.unique ? { unique: true } : {}), ...(op.using ? { using: op.using } : {}) };
  const addsIndex = { table: collection, columns: wholeLeadingColumns(op.fields) };
  return [alter(table, [`ADD ${clause}`], onlineMode(ctx, op, collection, preferred), `create index ${quoteIdent(op.name, 'index')} on ${table}`, { keyCheck, addsIndex })];
}

/** The index's leading columns indexed whole (a prefix or an expression cannot serve a foreign key). */
function wholeLeadingColumns(fields: CreateIndexOp['fields']): string[] {
  const out: string[] = [];
  for (const f of fields) {
    if (typeof f.name !== 'string' || f.length !== undefined) break;
    out.push(f.name);
  }
  return out;
}
