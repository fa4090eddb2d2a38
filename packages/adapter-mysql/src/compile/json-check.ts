import type { FieldDefinition } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';

/**
 * True when the column `field` defines carries MariaDB's JSON check: MariaDB writes the `JSON`
 * alias (json, array, or a native `json …` text) as LONGTEXT plus a column check
 * `json_valid(`col`)` named after the column. MySQL has a real JSON type and no such check.
 * @example hasJsonCheck({ name: 'tags', type: 'array', itemType: 'string' }, MARIADB_DIALECT) // true
 */
export function hasJsonCheck(field: FieldDefinition | undefined, dialect: MysqlCompileSettings): boolean {
  if (!field || !(dialect.flavor === 'mariadb' || dialect.jsonCheck)) return false;
  if (field.type === 'json' || field.type === 'array') return true;
  return field.type === 'native' && /^json\b/i.test(String(field.native ?? '').trim());
}
