import type { FieldOptions } from '@ductape/core';

/** The type part of a field: a portable type with its parameters, or `native` with PostgreSQL's text. */
export type TypePart = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'itemType' | 'native' | 'enumValues' | 'enumType'>;

// format_type() text of exactly the types the compiler writes for a portable type, and nothing
// else: `time(3) with time zone`, `json` or `character(2)` have no portable name that would
// recreate them, so they read back as native.
const PORTABLE: { readonly [sql: string]: TypePart['type'] } = {
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
  uuid: 'uuid',
  bytea: 'binary',
  // PostgreSQL's own types the model names (format_type prints citext unqualified when its schema is on the search_path).
  citext: 'citext',
  inet: 'inet',
  cidr: 'cidr',
  macaddr: 'macaddr',
  tsvector: 'tsvector',
};

/**
 * The field type of a column from `format_type(atttypid, atttypmod)`. A type the compiler writes
 * for a portable type reads back as that type with its exact parameters (`character varying(20)`
 * → string 20, `numeric(10,2)` → decimal 10/2, `uuid[]` → array of uuid); anything else reads back
 * as `{ type: 'native', native: <the format_type text> }`, which the compiler writes verbatim, so a
 * recorded down recreates the very same type. Unbounded `character varying` is native
 * `'character varying'` (string always has a length on PostgreSQL: varchar(255) by default).
 * bytea reads back as binary (blob and binary are both bytea). `timestamp(0) with time zone` is a
 * timestamp with precision 0, `time(3) without time zone` a time with precision 3.
 * @example parseType('numeric(10,2)') // { type: 'decimal', precision: 10, scale: 2 }
 * @example parseType('tsvector') // { type: 'native', native: 'tsvector' }
 */
export function parseType(sql: string): TypePart {
  const simple = PORTABLE[sql];
  if (simple) return { type: simple };
  const varchar = /^character varying\((\d+)\)$/.exec(sql);
  if (varchar) return { type: 'string', length: Number(varchar[1]) };
  const temporal = /^(time|timestamp)\(([0-6])\) with(out)? time zone$/.exec(sql);
  if (temporal && (temporal[1] === 'timestamp' || temporal[3] !== undefined)) {
    const type = temporal[1] === 'time' ? 'time' : temporal[3] ? 'datetime' : 'timestamp';
    return { type, precision: Number(temporal[2]) };
  }
  const numeric = /^numeric\((\d+),(\d+)\)$/.exec(sql);
  if (numeric) return { type: 'decimal', precision: Number(numeric[1]), scale: Number(numeric[2]) };
  if (sql.endsWith('[]')) {
    const item = sql.slice(0, -2);
    const itemType = PORTABLE[item];
    if (itemType) return { type: 'array', itemType };
    if (item === 'character varying(255)') return { type: 'array', itemType: 'string' }; // what itemType 'string' compiles to
  }
  return { type: 'native', native: sql };
}
