import { ValidationError, type DefaultValue, type FieldOptions } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteLiteral } from '../quote.js';
import { fsp, isLobType } from './column-type.js';
import { parseNativeType } from './native-type.js';

const NUMERIC = new Set(['integer', 'bigint', 'smallint', 'float', 'double', 'decimal']);

/**
 * The SQL of a DEFAULT clause's value. DDL takes no parameters, so literals are quoted. TEXT,
 * BLOB and JSON defaults are written as expressions in parentheses (MySQL 8.0.13+, MariaDB 10.2+);
 * `{ $fn: 'now' }` is CURRENT_TIMESTAMP with the column's precision, `{ $fn: 'uuid' }` is `(UUID())`.
 * @example defaultSql({ type: 'text', default: "it's" }, MYSQL_DIALECT) // "('it''s')"
 * @example defaultSql({ type: 'datetime', default: { $fn: 'now' } }, MYSQL_DIALECT) // 'CURRENT_TIMESTAMP(3)'
 * @example defaultSql({ type: 'native', native: 'mediumtext', default: 'x' }, MYSQL_DIALECT) // "('x')"
 */
export function defaultSql(field: FieldOptions & { readonly default: DefaultValue }, _dialect: MysqlCompileSettings): string {
  const value = field.default;
  if (value === null) return 'NULL';
  if (field.type === 'native') return nativeDefault(field, value);
  if (typeof value === 'object' && !Array.isArray(value) && '$fn' in value) return functionDefault(field, String(value.$fn));
  if (field.type === 'json' || field.type === 'array') {
    if (field.type === 'array' && !Array.isArray(value)) throw bad('an array field needs an array default');
    return `(${quoteLiteral(JSON.stringify(value))})`;
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(`default ${String(value)} is not a finite number`);
    return field.type === 'boolean' ? (value ? 'TRUE' : 'FALSE') : String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'string') {
    if (field.type === 'decimal' && /^-?\d+(\.\d+)?$/.test(value)) return value;
    if (NUMERIC.has(field.type)) throw bad(`default ${JSON.stringify(value)} does not fit type "${field.type}"`);
    return isLobType(field) ? `(${quoteLiteral(value)})` : quoteLiteral(value);
  }
  throw bad(`default ${JSON.stringify(value)} does not fit type "${field.type}"`);
}

/**
 * A native column's default, as for the portable types: numbers bare, text quoted (an expression
 * in parentheses for TEXT/BLOB/JSON/geometry), `now` with the fractional digits of the type.
 */
function nativeDefault(field: FieldOptions, value: DefaultValue): string {
  const type = parseNativeType(field.native, 'native').type;
  const [, base = '', digits] = /^([A-Za-z]+)(?:\s*\(\s*(\d+)\s*\))?/.exec(type) ?? [];
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && '$fn' in value) {
    const like = base.toLowerCase();
    const portable = like === 'datetime' || like === 'timestamp' || like === 'time' || like === 'date' ? like : like === 'char' || like === 'varchar' || like === 'uuid' ? 'string' : like;
    return functionDefault({ type: portable as FieldOptions['type'], precision: digits === undefined ? 0 : Number(digits) }, String(value.$fn));
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(`default ${String(value)} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return isLobType(field) ? `(${quoteLiteral(text)})` : quoteLiteral(text);
}

function functionDefault(field: FieldOptions, fn: string): string {
  if (fn === 'uuid') {
    if (field.type !== 'uuid' && field.type !== 'string' && field.type !== 'text') throw bad(`{ $fn: 'uuid' } needs a uuid or string field, not "${field.type}"`);
    return '(UUID())';
  }
  if (fn !== 'now') throw bad(`unknown function default ${JSON.stringify(fn)}`);
  switch (field.type) {
    case 'datetime':
    case 'timestamp': {
      const p = fsp(field);
      return p === 0 ? 'CURRENT_TIMESTAMP' : `CURRENT_TIMESTAMP(${p})`;
    }
    case 'date':
      return '(CURRENT_DATE)';
    case 'time': {
      const p = fsp(field);
      return p === 0 ? '(CURRENT_TIME)' : `(CURRENT_TIME(${p}))`;
    }
    default:
      throw bad(`{ $fn: 'now' } needs a date, time, datetime or timestamp field, not "${field.type}"`);
  }
}

function bad(message: string): ValidationError {
  return new ValidationError('MySQL default', [{ code: 'invalid_default', path: 'default', message }]);
}
