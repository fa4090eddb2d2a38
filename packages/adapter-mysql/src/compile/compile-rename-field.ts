import type { CompileContext, RenameFieldOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { alter, onlineMode } from './online.js';
import { renameIndexClause, uniqueKeyRenameOfField } from './unique-key-renames.js';

/**
 * ALTER TABLE … RENAME COLUMN (MySQL 8.0+, MariaDB 10.5.2+): the definition is untouched. When
 * `previous` says the field is `unique: true`, its key `<table>_<from>_key` is renamed to
 * `<table>_<to>_key` in the same statement (RENAME INDEX, MySQL 5.7+, MariaDB 10.5.2+), so it still
 * reads back as the field's; a key named after the column by an earlier version is renamed after
 * the new column instead (the executor, when the server says there is no key by the portable name).
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, ctx)
 * // ['ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT', …]
 */
export function compileRenameField(op: RenameFieldOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const from = quoteIdent(op.from, 'field');
  const to = quoteIdent(op.to, 'field');
  const key = uniqueKeyRenameOfField(op);
  const clauses = [`RENAME COLUMN ${from} TO ${to}`, ...(key ? [renameIndexClause(key)] : [])];
  const extra = key ? { uniqueKeyRenames: { table: op.collection, renames: [key] } } : {};
  return [alter(table, clauses, onlineMode(ctx, op, op.collection, 'instant'), `rename column ${table}.${from} to ${to}`, extra)];
}
