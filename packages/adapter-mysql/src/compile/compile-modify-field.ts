import { ValidationError, applyChanges, type CompileContext, type FieldChanges, type FieldDefinition, type ModifyFieldOp, type Step } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteIdent } from '../quote.js';
import { assertIndexFits } from './assert-index-fits.js';
import { assertRecreatable, columnDefinition, uniqueKey } from './column-definition.js';
import { keyColumnsOf } from './known-columns.js';
import { uniqueKeyName } from './unique-key-name.js';
import { alter, onlineMode } from './online.js';

/**
 * One ALTER TABLE … MODIFY COLUMN with the full definition: `previous` (introspected by the sdk)
 * merged with the changes, so no attribute (NOT NULL, DEFAULT, AUTO_INCREMENT, enum values) is
 * dropped by accident. Unique and primary key changes go in the same statement; a field's unique
 * key is dropped by its portable name `<table>_<column>_key` (or the name it really has, when the
 * server says there is none by that name). Without
 * `previous` it is refused: MODIFY COLUMN would silently reset whatever the change does not name.
 * @example compileModifyField({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 }, previous: { name: 'email', type: 'string', length: 255, required: true } }, ctx, MYSQL_DIALECT)
 * // ['ALTER TABLE `users` MODIFY COLUMN `email` VARCHAR(500) NOT NULL, ALGORITHM=INSTANT', …]
 */
export function compileModifyField(op: ModifyFieldOp, ctx: CompileContext, dialect: MysqlCompileSettings): Step[] {
  if (!op.previous) {
    throw new ValidationError('MySQL modifyField', [
      {
        code: 'modify_without_previous',
        path: 'previous',
        message: `modifyField "${op.collection}.${op.field}" needs the field's previous definition: MODIFY COLUMN rewrites the whole column (db.schema.modifyField introspects it; with the builder pass { previous })`,
      },
    ]);
  }
  const prev = op.previous;
  assertRecreatable(op.collection, prev, 'modify');
  const next = typeFitted(applyChanges({ ...prev, name: op.field }, op.changes), op.changes);
  const table = quoteIdent(op.collection, 'table');
  const column = quoteIdent(op.field, 'field');
  const clauses = [`MODIFY COLUMN ${columnDefinition(next, dialect, op.collection)}`];
  const keyName = uniqueKeyName(op.collection, op.field);
  if (prev.unique && !next.unique) clauses.push(`DROP INDEX ${quoteIdent(keyName, 'index')}`);
  if (next.unique) assertIndexFits(op.collection, keyName, { fields: [{ name: op.field }], unique: true }, keyColumnsOf([next], dialect, undefined), dialect, 'compile');
  if (!prev.unique && next.unique) clauses.push(`ADD ${uniqueKey(op.collection, op.field)}`);
  if (prev.primaryKey && !next.primaryKey) clauses.push('DROP PRIMARY KEY');
  if (!prev.primaryKey && next.primaryKey) clauses.push(`ADD PRIMARY KEY (${column})`);
  // Dropping the key a foreign key needs re-adds the key's own index (1553); adding one drops it.
  const dropsKey = prev.unique && !next.unique ? { fieldUniqueKey: { table: op.collection, column: op.field, name: keyName }, dropsIndex: { table: op.collection, index: keyName } } : {};
  const addsKey = !prev.unique && next.unique ? { addsIndex: { table: op.collection, columns: [op.field] } } : {};
  return [alter(table, clauses, onlineMode(ctx, op, op.collection, 'instant'), `modify column ${table}.${column}`, { ...dropsKey, ...addsKey })];
}

/** Type parameters a native type text holds itself. */
const TYPE_PARAMETERS = ['length', 'precision', 'scale', 'enumValues', 'itemType'] as const;

/**
 * The merged field with the parameters of the type it left behind: a change to a native type drops
 * the old length/precision/scale/enum values (the native text says them), a change away from
 * native drops the old native text. Parameters the change names are kept.
 */
function typeFitted(next: FieldDefinition, changes: FieldChanges): FieldDefinition {
  const f: Record<string, unknown> = { ...next };
  if (f.type === 'native') {
    for (const key of TYPE_PARAMETERS) if (changes[key] === undefined) delete f[key];
  } else delete f.native;
  return f as unknown as FieldDefinition;
}
