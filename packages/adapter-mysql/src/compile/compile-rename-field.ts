import type { CompileContext, RenameFieldOp, Step } from '@ductape/core';
import { MYSQL_DIALECT, type MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteIdent } from '../quote.js';
import { columnDefinition } from './column-definition.js';
import { hasJsonCheck } from './json-check.js';
import { alter, onlineMode } from './online.js';
import { renameIndexClause, uniqueKeyRenameOfField } from './unique-key-renames.js';

/**
 * ALTER TABLE … RENAME COLUMN (MySQL 8.0+, MariaDB 10.5.2+): the definition is untouched. When
 * `previous` says the field is `unique: true`, its key `<table>_<from>_key` is renamed to
 * `<table>_<to>_key` in the same statement (RENAME INDEX, MySQL 5.7+, MariaDB 10.5.2+), so it still
 * reads back as the field's; a key named after the column by an earlier version is renamed after
 * the new column instead (the executor, when the server says there is no key by the portable name).
 * On MariaDB a JSON column (json, array, native `json …`; see hasJsonCheck) is renamed with
 * `CHANGE COLUMN <from> <previous definition under the new name>`: RENAME COLUMN would leave its
 * `json_valid` check named after the old column, so a down or a replay would not give the same
 * catalog; CHANGE COLUMN gives the check the new column's name, still INSTANT.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, ctx)
 * // ['ALTER TABLE `users` RENAME COLUMN `name` TO `full_name`, ALGORITHM=INSTANT', …]
 * @example compileRenameField({ type: 'renameField', collection: 't', from: 'tags', to: 'labels', previous: { name: 'tags', type: 'json' } }, ctx, MARIADB_DIALECT)
 * // ['ALTER TABLE `t` CHANGE COLUMN `tags` `labels` JSON NULL, ALGORITHM=INSTANT', …]
 */
export function compileRenameField(op: RenameFieldOp, ctx: CompileContext, dialect: MysqlCompileSettings = MYSQL_DIALECT): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const from = quoteIdent(op.from, 'field');
  const to = quoteIdent(op.to, 'field');
  const key = uniqueKeyRenameOfField(op);
  const column =
    op.previous && hasJsonCheck(op.previous, dialect) ? `CHANGE COLUMN ${from} ${columnDefinition({ ...op.previous, name: op.to }, dialect, op.collection)}` : `RENAME COLUMN ${from} TO ${to}`;
  const clauses = [column, ...(key ? [renameIndexClause(key)] : [])];
  const extra = key ? { uniqueKeyRenames: { table: op.collection, renames: [key] } } : {};
  return [alter(table, clauses, onlineMode(ctx, op, op.collection, 'instant'), `rename column ${table}.${from} to ${to}`, extra)];
}
