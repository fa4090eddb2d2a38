import { ValidationError, columnSize, type FieldOptions } from '@ductape/core';
import type { MysqlDialect } from '../dialect.js';
import { quoteLiteral } from '../quote.js';
import { parseNativeType } from './native-type.js';

const SUBJECT = 'MySQL column type';

/** VARCHAR/VARBINARY length when a string or binary field gives none. */
export const DEFAULT_LENGTH = 255;
/** Fractional-second digits of datetime, timestamp and time when `precision` is not given (JavaScript Dates hold milliseconds). */
export const DEFAULT_FSP = 3;

const SIMPLE = {
  integer: 'INT',
  bigint: 'BIGINT',
  smallint: 'SMALLINT',
  float: 'FLOAT',
  double: 'DOUBLE',
  text: 'TEXT',
  boolean: 'BOOLEAN',
  date: 'DATE',
  json: 'JSON',
  // Arrays are JSON arrays: neither MySQL nor MariaDB has array columns. The item type is kept in the column comment.
  array: 'JSON',
  blob: 'BLOB',
} as const;

type TypeFields = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'enumValues' | 'native'>;

/**
 * The MySQL/MariaDB column type of a field.
 * @example columnType({ type: 'datetime' }, MYSQL_DIALECT) // 'DATETIME(3)'
 * @example columnType({ type: 'uuid' }, MARIADB_DIALECT) // 'UUID'
 * @example columnType({ type: 'native', native: 'mediumtext' }, MYSQL_DIALECT) // 'mediumtext'
 */
export function columnType(field: TypeFields, dialect: MysqlDialect): string {
  switch (field.type) {
    case 'string':
      return `VARCHAR(${columnSize(field.length ?? DEFAULT_LENGTH, 'length', 1, SUBJECT)})`;
    case 'binary':
      return `VARBINARY(${columnSize(field.length ?? DEFAULT_LENGTH, 'length', 1, SUBJECT)})`;
    case 'decimal':
      return `DECIMAL(${columnSize(field.precision ?? 10, 'precision', 1, SUBJECT)},${columnSize(field.scale ?? 0, 'scale', 0, SUBJECT)})`;
    case 'datetime':
    case 'timestamp':
    case 'time':
      return `${field.type.toUpperCase()}(${fsp(field)})`;
    case 'uuid':
      return dialect.nativeUuid ? 'UUID' : 'CHAR(36)';
    case 'enum': {
      const values = field.enumValues ?? [];
      if (values.length === 0) throw invalid('enumValues', 'an enum needs at least one value');
      return `ENUM(${values.map(quoteLiteral).join(',')})`;
    }
    case 'native':
      // The type part, verbatim (checked); its attribute clauses are written by columnDefinition.
      return parseNativeType(field.native, 'native').type;
    default: {
      const t = (SIMPLE as { readonly [k: string]: string })[field.type];
      if (!t) throw invalid('type', `unknown field type ${JSON.stringify(field.type)}`);
      return t;
    }
  }
}

/**
 * Fractional-second precision of a temporal field: `precision` (1–6) or 3.
 * @example fsp({ type: 'datetime', precision: 6 }) // 6
 */
export function fsp(field: Pick<FieldOptions, 'type' | 'precision'>): number {
  const p = field.precision ?? DEFAULT_FSP;
  if (!Number.isInteger(p) || p < 0 || p > 6) throw invalid('precision', `fractional seconds of ${field.type} must be 0 to 6, got ${String(p)}`);
  return p;
}

/** Types MySQL stores off-page (TEXT, BLOB, JSON): their defaults must be written as expressions. */
export function isLobType(field: Pick<FieldOptions, 'type' | 'native'>): boolean {
  if (field.type === 'native') return /^(tiny|medium|long)?(text|blob)\b|^(json|geometry|point|linestring|polygon|multi\w*|geometrycollection)\b/i.test(String(field.native ?? '').trim());
  return field.type === 'text' || field.type === 'blob' || field.type === 'json' || field.type === 'array';
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(SUBJECT, [{ code: 'invalid_type', path, message }]);
}
