import { isNotNull, type FieldDefinition } from '@ductape/core';
import type { MysqlDialect } from '../dialect.js';
import { quoteIdent, quoteLiteral } from '../quote.js';
import { columnType } from './column-type.js';
import { defaultSql } from './default-value.js';
import { uniqueKeyName } from './unique-key-name.js';

/** Prefix of the column comment that keeps an array's item type (JSON columns do not). */
export const ARRAY_COMMENT_PREFIX = 'ductape:array<';

/**
 * The full column definition: name, type, NULL/NOT NULL (always explicit), DEFAULT,
 * AUTO_INCREMENT and, for arrays, the comment that keeps the item type. Keys (primary, unique)
 * are table clauses, see keyClauses. MODIFY COLUMN uses the same text, so nothing is dropped.
 * @example columnDefinition({ name: 'email', type: 'string', length: 255, required: true }, MYSQL_DIALECT)
 * // '`email` VARCHAR(255) NOT NULL'
 */
export function columnDefinition(field: FieldDefinition, dialect: MysqlDialect): string {
  const parts = [quoteIdent(field.name, 'field'), columnType(field, dialect), isNotNull(field) ? 'NOT NULL' : 'NULL'];
  if (field.default !== undefined) parts.push(`DEFAULT ${defaultSql({ ...field, default: field.default }, dialect)}`);
  if (field.autoIncrement) parts.push('AUTO_INCREMENT');
  if (field.type === 'array') parts.push(`COMMENT ${quoteLiteral(`${ARRAY_COMMENT_PREFIX}${field.itemType ?? 'string'}>`)}`);
  return parts.join(' ');
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
