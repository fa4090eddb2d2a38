import { ValidationError, assertNativeDialect, columnSize, type FieldOptions, type TextSize } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteLiteral } from '../quote.js';
import { parseNativeType } from './native-type.js';

const SUBJECT = 'MySQL column type';

/** VARCHAR/VARBINARY length when a string or binary field gives none. */
export const DEFAULT_LENGTH = 255;
/** Fractional-second digits of datetime, timestamp and time when `precision` is not given (JavaScript Dates hold milliseconds). */
export const DEFAULT_FSP = 3;

/**
 * The size of a text or blob without `size`: LONG, so a value that fits PostgreSQL's text (or
 * bytea) fits here too. It is applied here, when a step is compiled, and nowhere else: migrations
 * keep what their author wrote (their checksums do not change), and a column an earlier release
 * made as TEXT reads back as `size: 'regular'`.
 */
export const DEFAULT_TEXT_SIZE: TextSize = 'long';

const SIZE_PREFIX: { readonly [K in TextSize]: string } = { tiny: 'TINY', regular: '', medium: 'MEDIUM', long: 'LONG' };

const INTEGERS: { readonly [k: string]: string } = { integer: 'INT', bigint: 'BIGINT', smallint: 'SMALLINT' };

const SIMPLE = {
  float: 'FLOAT',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  json: 'JSON',
  // Arrays are JSON arrays: neither MySQL nor MariaDB has array columns. The item type is kept in the column comment.
  array: 'JSON',
} as const;

type TypeFields = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'enumValues' | 'native' | 'size' | 'unsigned' | 'dialect'>;

/**
 * The MySQL/MariaDB column type of a field.
 * @example columnType({ type: 'datetime' }, MYSQL_DIALECT) // 'DATETIME(3)'
 * @example columnType({ type: 'uuid' }, MARIADB_DIALECT) // 'UUID'
 * @example columnType({ type: 'native', native: 'mediumtext' }, MYSQL_DIALECT) // 'mediumtext'
 * @example columnType({ type: 'text' }, MYSQL_DIALECT) // 'LONGTEXT'
 * @example columnType({ type: 'blob', size: 'medium' }, MYSQL_DIALECT) // 'MEDIUMBLOB'
 * @example columnType({ type: 'integer', unsigned: true }, MYSQL_DIALECT) // 'INT UNSIGNED'
 */
export function columnType(field: TypeFields, dialect: MysqlCompileSettings): string {
  switch (field.type) {
    case 'integer':
    case 'bigint':
    case 'smallint':
      return field.unsigned === true ? `${INTEGERS[field.type]} UNSIGNED` : (INTEGERS[field.type] as string);
    case 'text':
    case 'blob':
      return `${SIZE_PREFIX[textSize(field)]}${field.type.toUpperCase()}`;
    case 'string':
      return `VARCHAR(${columnSize(field.length ?? DEFAULT_LENGTH, 'length', 1, SUBJECT)})`;
    case 'binary':
      return `VARBINARY(${columnSize(field.length ?? DEFAULT_LENGTH, 'length', 1, SUBJECT)})`;
    case 'decimal':
      return `DECIMAL(${columnSize(field.precision ?? 10, 'precision', 1, SUBJECT)},${columnSize(field.scale ?? 0, 'scale', 0, SUBJECT)})`;
    case 'datetime':
    case 'timestamp':
    case 'time': {
      // DATETIME(0) is DATETIME: written as the server prints it.
      const digits = fsp(field);
      return digits === 0 ? field.type.toUpperCase() : `${field.type.toUpperCase()}(${digits})`;
    }
    case 'uuid':
      return dialect.nativeUuid ? 'UUID' : 'CHAR(36)';
    case 'enum': {
      const values = field.enumValues ?? [];
      if (values.length === 0) throw invalid('enumValues', 'an enum needs at least one value');
      return `ENUM(${values.map(quoteLiteral).join(',')})`;
    }
    case 'native':
      // Declared for another database: refused, naming both (MariaDB runs MySQL's too, as its raw operations).
      assertNativeDialect(field, dialect.flavor, dialect.flavor === 'mariadb' ? ['mariadb', 'mysql'] : ['mysql']);
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
 * The MySQL size class of a text or blob: its `size`, or LONG (DEFAULT_TEXT_SIZE).
 * @example textSize({ type: 'text' }) // 'long'
 */
export function textSize(field: Pick<FieldOptions, 'type' | 'size'>): TextSize {
  const size = field.size ?? DEFAULT_TEXT_SIZE;
  if (!Object.hasOwn(SIZE_PREFIX, size)) throw invalid('size', `size of a ${field.type} must be 'tiny', 'regular', 'medium' or 'long', got ${JSON.stringify(size)}`);
  return size;
}

/**
 * Fractional-second precision of a temporal field: `precision` (0–6) or 3.
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
