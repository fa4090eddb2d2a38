import type { CompileContext, DropFieldOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { ColumnInForeignKeyError } from './column-in-foreign-key-error.js';
import { assertRecreatable } from './column-definition.js';
import { foreignKeyUsing, knownForeignKeys } from './known-foreign-keys.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … DROP COLUMN (INSTANT on MySQL 8.0.29+ and MariaDB 10.4+, else in place).
 * Refused before any IO when its down could not recreate the column (ColumnNotRecreatableError)
 * or when a foreign key the migration defines uses the column (ColumnInForeignKeyError); a
 * foreign key already in the database is looked for by the step before its ALTER runs.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'phone' }, ctx)
 */
export function compileDropField(op: DropFieldOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const column = quoteIdent(op.field, 'field');
  if (op.previous) assertRecreatable(op.collection, op.previous, 'drop');
  const fk = foreignKeyUsing(knownForeignKeys(ctx, op), op.collection, op.field);
  if (fk) throw new ColumnInForeignKeyError(op.collection, op.field, fk, 'compile');
  return [alter(table, [`DROP COLUMN ${column}`], onlineMode(ctx, op, op.collection, 'instant'), `drop column ${table}.${column}`, { columnDrop: { table: op.collection, column: op.field } })];
}
