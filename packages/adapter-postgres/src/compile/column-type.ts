import { ValidationError, columnSize, type FieldOptions, type FieldType } from '@ductape/core';
import { parseNativeType } from './native-type.js';

const SUBJECT = 'PostgreSQL column type';

const SIMPLE: { readonly [K in FieldType]?: string } = {
  integer: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  float: 'real',
  double: 'double precision',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  json: 'jsonb',
  uuid: 'uuid',
  // Enums are text with a CHECK constraint (see README: "Why enum is a CHECK constraint").
  enum: 'text',
  binary: 'bytea',
  blob: 'bytea',
};

/** Default VARCHAR length when a string field gives none (as on MySQL). */
export const DEFAULT_STRING_LENGTH = 255;

/**
 * The PostgreSQL type of a field. A `native` field's type is its `native` text, checked (see
 * parseNativeType) and used verbatim, without its DEFAULT/GENERATED clause. `datetime` is
 * `timestamp` and `timestamp` is `timestamptz` unless `withTimeZone` says otherwise; a `precision`
 * on them or on `time` is the fractional-second digits (0–6; none: PostgreSQL's 6). A text or
 * blob's `size` (MySQL's storage classes) changes nothing: text and bytea hold any of them.
 * `unsigned` never reaches here: the adapter has no unsignedIntegers capability, so core refuses it.
 * @example columnType({ type: 'decimal', precision: 10, scale: 2 }) // 'numeric(10, 2)'
 * @example columnType({ type: 'array', itemType: 'uuid' }) // 'uuid[]'
 * @example columnType({ type: 'native', native: 'tsvector' }) // 'tsvector'
 * @example columnType({ type: 'datetime', withTimeZone: true, precision: 0 }) // 'timestamptz(0)'
 */
export function columnType(field: Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'itemType' | 'native' | 'withTimeZone'>): string {
  switch (field.type) {
    case 'datetime':
    case 'timestamp': {
      const zoned = field.withTimeZone ?? field.type === 'timestamp';
      return `${zoned ? 'timestamptz' : 'timestamp'}${fractionalDigits(field)}`;
    }
    case 'time':
      return `time${fractionalDigits(field)}`;
    case 'native':
      return parseNativeType(field.native).type;
    case 'string':
      return `varchar(${columnSize(field.length ?? DEFAULT_STRING_LENGTH, 'length', 1, SUBJECT)})`;
    case 'decimal':
      if (field.precision === undefined) return 'numeric';
      return `numeric(${columnSize(field.precision, 'precision', 1, SUBJECT)}, ${columnSize(field.scale ?? 0, 'scale', 0, SUBJECT)})`;
    case 'array': {
      const item = field.itemType ?? 'text';
      if (item === 'array') throw invalid('itemType', 'an array of arrays is not supported; use json');
      return `${columnType({ type: item })}[]`;
    }
    default: {
      const t = SIMPLE[field.type];
      if (!t) throw invalid('type', `unknown field type ${JSON.stringify(field.type)}`);
      return t;
    }
  }
}

/** `(n)` for a temporal field's precision, or nothing (PostgreSQL's default, 6 digits). */
function fractionalDigits(field: Pick<FieldOptions, 'type' | 'precision'>): string {
  const p = field.precision;
  if (p === undefined) return '';
  if (!Number.isInteger(p) || p < 0 || p > 6) throw invalid('precision', `fractional seconds of ${field.type} must be 0 to 6, got ${String(p)}`);
  return `(${p})`;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(SUBJECT, [{ code: 'invalid_type', path, message }]);
}
