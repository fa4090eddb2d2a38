import { ValidationError, columnSize, type FieldOptions, type FieldType } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { checkNativeDialect, parseNativeType } from './native-type.js';

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
  // PostgreSQL's own types (core's POSTGRES_FIELD_TYPES); citext needs the citext extension (preflight checks pg_extension).
  citext: 'citext',
  inet: 'inet',
  cidr: 'cidr',
  macaddr: 'macaddr',
  tsvector: 'tsvector',
};

/** Default VARCHAR length when a string field gives none (as on MySQL). */
export const DEFAULT_STRING_LENGTH = 255;

/** The field options columnType reads. */
export type TypeFields = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'itemType' | 'native' | 'withTimeZone' | 'enumType' | 'dialect'>;

/**
 * The PostgreSQL type of a field. A `native` field's type is its `native` text, checked (see
 * parseNativeType; a `dialect` other than 'postgresql' is refused) and used verbatim, without its
 * DEFAULT/GENERATED clause. An enum with `enumType` is that enum type, qualified with `schema` when
 * given (`"public"."mood"`; an array of it `"public"."mood"[]`); without it an enum is text with a
 * CHECK (columnDefinition). `datetime` is
 * `timestamp` and `timestamp` is `timestamptz` unless `withTimeZone` says otherwise; a `precision`
 * on them or on `time` is the fractional-second digits (0–6; none: PostgreSQL's 6). A text or
 * blob's `size` (MySQL's storage classes) changes nothing: text and bytea hold any of them.
 * `unsigned` never reaches here: the adapter has no unsignedIntegers capability, so core refuses it.
 * @example columnType({ type: 'decimal', precision: 10, scale: 2 }) // 'numeric(10, 2)'
 * @example columnType({ type: 'array', itemType: 'uuid' }) // 'uuid[]'
 * @example columnType({ type: 'native', native: 'tsvector' }) // 'tsvector'
 * @example columnType({ type: 'datetime', withTimeZone: true, precision: 0 }) // 'timestamptz(0)'
 */
export function columnType(field: TypeFields, schema?: string): string {
  switch (field.type) {
    case 'enum':
      return field.enumType === undefined ? 'text' : enumTypeName(field.enumType, schema);
    case 'datetime':
    case 'timestamp': {
      const zoned = field.withTimeZone ?? field.type === 'timestamp';
      return `${zoned ? 'timestamptz' : 'timestamp'}${fractionalDigits(field)}`;
    }
    case 'time':
      return `time${fractionalDigits(field)}`;
    case 'native':
      checkNativeDialect(field);
      return parseNativeType(field.native).type;
    case 'string':
      return `varchar(${columnSize(field.length ?? DEFAULT_STRING_LENGTH, 'length', 1, SUBJECT)})`;
    case 'decimal':
      if (field.precision === undefined) return 'numeric';
      return `numeric(${columnSize(field.precision, 'precision', 1, SUBJECT)}, ${columnSize(field.scale ?? 0, 'scale', 0, SUBJECT)})`;
    case 'array': {
      const item = field.itemType ?? 'text';
      if (item === 'array') throw invalid('itemType', 'an array of arrays is not supported; use json');
      if (item === 'enum' && field.enumType !== undefined) return `${enumTypeName(field.enumType, schema)}[]`;
      return `${columnType({ type: item })}[]`;
    }
    default: {
      const t = SIMPLE[field.type];
      if (!t) throw invalid('type', `unknown field type ${JSON.stringify(field.type)}`);
      return t;
    }
  }
}

/**
 * The (quoted, schema-qualified when `schema` is given) name of an enum type.
 * @example enumTypeName('mood', 'public') // '"public"."mood"'
 */
export function enumTypeName(name: string, schema?: string): string {
  return schema === undefined ? quoteIdent(name, 'enum type') : qualify(schema, name);
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
