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
  time: 'time',
  datetime: 'timestamp',
  timestamp: 'timestamptz',
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
 * parseNativeType) and used verbatim, without its DEFAULT/GENERATED clause.
 * @example columnType({ type: 'decimal', precision: 10, scale: 2 }) // 'numeric(10, 2)'
 * @example columnType({ type: 'array', itemType: 'uuid' }) // 'uuid[]'
 * @example columnType({ type: 'native', native: 'tsvector' }) // 'tsvector'
 */
export function columnType(field: Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'itemType' | 'native'>): string {
  switch (field.type) {
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

function invalid(path: string, message: string): ValidationError {
  return new ValidationError(SUBJECT, [{ code: 'invalid_type', path, message }]);
}
