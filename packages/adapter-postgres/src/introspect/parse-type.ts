import type { FieldOptions } from '@ductape/core';

type TypePart = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'itemType'>;

const SIMPLE: { readonly [sql: string]: TypePart['type'] } = {
  integer: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  real: 'float',
  'double precision': 'double',
  numeric: 'decimal',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  'time without time zone': 'time',
  'timestamp without time zone': 'datetime',
  'timestamp with time zone': 'timestamp',
  jsonb: 'json',
  json: 'json',
  uuid: 'uuid',
  bytea: 'binary',
  'character varying': 'string',
};

/**
 * The portable type of a column from `format_type()`, e.g. `character varying(20)` →
 * { type: 'string', length: 20 }. bytea reads back as 'binary' (blob and binary are both bytea).
 * @example parseType('numeric(10,2)') // { type: 'decimal', precision: 10, scale: 2 }
 */
export function parseType(sql: string): TypePart {
  if (sql.endsWith('[]')) {
    const item = parseType(sql.slice(0, -2));
    return item.type === 'string' && item.length !== undefined ? { type: 'array', itemType: 'string' } : { type: 'array', itemType: item.type };
  }
  const m = /^([a-z ]+?)(?:\((\d+)(?:,\s*(\d+))?\))?$/.exec(sql);
  const base = m?.[1] ?? sql;
  const type = SIMPLE[base] ?? 'text';
  if (type === 'string') return m?.[2] ? { type, length: Number(m[2]) } : { type };
  if (type === 'decimal' && m?.[2]) return { type, precision: Number(m[2]), scale: Number(m[3] ?? 0) };
  return { type };
}
