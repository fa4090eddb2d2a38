import type { AddFieldOp, CompileContext, Step } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteIdent } from '../quote.js';
import { assertIndexFits } from './assert-index-fits.js';
import { columnDefinition, uniqueKey } from './column-definition.js';
import { keyColumnsOf } from './known-columns.js';
import { uniqueKeyName } from './unique-key-name.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … ADD COLUMN, with its unique or primary key in the same statement. A plain column
 * is added with ALGORITHM=INSTANT; one that needs an index starts at INPLACE with LOCK=NONE.
 * A `position` (a dropField's down) places it: `AFTER \`prev\`` or `FIRST`.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }, ctx, MYSQL_DIALECT)
 * // ['ALTER TABLE `users` ADD COLUMN `phone` VARCHAR(20) NULL, ALGORITHM=INSTANT', …fallbacks]
 */
export function compileAddField(op: AddFieldOp, ctx: CompileContext, dialect: MysqlCompileSettings): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const f = op.field;
  const clauses = [`ADD COLUMN ${columnDefinition(f, dialect, op.collection)}${placement(op)}`];
  if (f.primaryKey) clauses.push(`ADD PRIMARY KEY (${quoteIdent(f.name, 'field')})`);
  if (f.unique) {
    assertIndexFits(op.collection, uniqueKeyName(op.collection, f.name), { fields: [{ name: f.name }], unique: true }, keyColumnsOf([f], dialect, undefined), dialect, 'compile');
    clauses.push(`ADD ${uniqueKey(op.collection, f.name)}`);
  }
  const keyed = f.primaryKey || f.unique || f.autoIncrement;
  return [alter(table, clauses, onlineMode(ctx, op, op.collection, keyed ? 'inplace' : 'instant'), `add column ${table}.${quoteIdent(f.name, 'field')}`)];
}

/** ` AFTER \`name\``, ` FIRST`, or nothing (at the end). */
function placement(op: AddFieldOp): string {
  if (op.position === undefined) return '';
  return op.position === 'first' ? ' FIRST' : ` AFTER ${quoteIdent(op.position.after, 'field')}`;
}
