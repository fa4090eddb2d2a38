import { ValidationError, isNotNull, type FieldDefinition } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteIdent, quoteLiteral } from '../quote.js';
import { ColumnNotRecreatableError } from './column-not-recreatable-error.js';
import { columnType } from './column-type.js';
import { defaultSql } from './default-value.js';
import { parseNativeType } from './native-type.js';
import { uniqueKeyName } from './unique-key-name.js';

/** Prefix of the column comment that keeps an array's item type (JSON columns do not). */
export const ARRAY_COMMENT_PREFIX = 'ductape:array<';

/** Options a native field cannot carry beside `native` (its type text says them). */
const NOT_FOR_NATIVE = ['length', 'precision', 'scale', 'enumValues', 'itemType', 'autoIncrement'] as const;

/**
 * The full column definition: name, type, NULL/NOT NULL (always explicit), DEFAULT,
 * AUTO_INCREMENT and, for arrays, the comment that keeps the item type. Keys (primary, unique)
 * are table clauses, see keyClauses. MODIFY COLUMN uses the same text, so nothing is dropped.
 * A native field is its type text verbatim (checked by parseNativeType): a generated clause right
 * after the type, then NULL/NOT NULL and the field's default, then its other attributes.
 * `table` names the table in errors.
 * @example columnDefinition({ name: 'email', type: 'string', length: 255, required: true }, MYSQL_DIALECT)
 * // '`email` VARCHAR(255) NOT NULL'
 * @example columnDefinition({ name: 'ts', type: 'native', native: 'timestamp(3) ON UPDATE current_timestamp(3)', required: true, default: { $fn: 'now' } }, MYSQL_DIALECT)
 * // '`ts` timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE current_timestamp(3)'
 */
export function columnDefinition(field: FieldDefinition, dialect: MysqlCompileSettings, table = ''): string {
  if (field.type === 'native') return nativeColumnDefinition(field, dialect, table);
  const parts = [quoteIdent(field.name, 'field'), columnType(field, dialect), isNotNull(field) ? 'NOT NULL' : 'NULL'];
  if (field.default !== undefined) parts.push(`DEFAULT ${defaultSql({ ...field, default: field.default }, dialect)}`);
  if (field.autoIncrement) parts.push('AUTO_INCREMENT');
  if (field.type === 'array') parts.push(`COMMENT ${quoteLiteral(`${ARRAY_COMMENT_PREFIX}${field.itemType ?? 'string'}>`)}`);
  return parts.join(' ');
}

function nativeColumnDefinition(field: FieldDefinition, dialect: MysqlCompileSettings, table: string): string {
  const n = parseNativeType(field.native, field.name);
  if (n.notKept) throw new ColumnNotRecreatableError(table, field.name, n.notKept, String(field.native), 'write');
  for (const key of NOT_FOR_NATIVE) {
    if (field[key] !== undefined && field[key] !== false) {
      throw invalid(
        field.name,
        key,
        `a native field carries its whole type in native, so ${key} would do nothing: change native (e.g. native: 'varchar(100) CHARACTER SET latin1', or add AUTO_INCREMENT to it), or use a portable type`,
      );
    }
  }
  if (n.hasDefault && field.default !== undefined) throw invalid(field.name, 'default', `native ${JSON.stringify(field.native)} has its own DEFAULT clause; remove default or the clause`);
  const parts = [quoteIdent(field.name, 'field'), n.type];
  if (n.generated) parts.push(n.generated);
  if (isNotNull(field)) parts.push('NOT NULL');
  else if (!n.generated) parts.push('NULL');
  if (field.default !== undefined) parts.push(`DEFAULT ${defaultSql({ ...field, default: field.default }, dialect)}`);
  parts.push(...n.attributes);
  return parts.join(' ');
}

/**
 * Refuses a column introspection could not keep whole (see ColumnNotRecreatableError): called
 * for the `previous` of a drop or modify, so it never runs when its down would recreate another column.
 * @example assertRecreatable('orders', previous, 'drop')
 */
export function assertRecreatable(table: string, field: FieldDefinition, action: 'drop' | 'modify' | 'write'): void {
  if (field.type !== 'native') return;
  const n = parseNativeType(field.native, field.name);
  if (n.notKept) throw new ColumnNotRecreatableError(table, field.name, n.notKept, String(field.native), action);
}

/**
 * The key of a field declared `unique: true`: a unique index named `<table>_<column>_key`, the
 * name PostgreSQL gives it (see uniqueKeyName), so the same migrations find it on every SQL
 * database. Introspection reads such an index back as `unique: true`.
 * @example uniqueKey('users', 'email') // 'UNIQUE KEY `users_email_key` (`email`)'
 */
export function uniqueKey(table: string, column: string): string {
  return `UNIQUE KEY ${quoteIdent(uniqueKeyName(table, column), 'index')} (${quoteIdent(column, 'field')})`;
}

function invalid(column: string, key: string, message: string): ValidationError {
  return new ValidationError('MySQL native column', [{ code: 'invalid_native_option', path: `${column}.${key}`, message }]);
}
