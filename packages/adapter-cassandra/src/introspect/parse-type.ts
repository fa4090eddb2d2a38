import type { FieldDefinition, FieldType } from '@ductape/core';

// CQL types that are exactly what a portable type compiles to (see compile/column-type.ts), so
// reading one back and compiling it again gives the same CQL type.
const SCALARS: { readonly [cql: string]: FieldType } = {
  int: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  float: 'float',
  double: 'double',
  decimal: 'decimal',
  text: 'text',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  uuid: 'uuid',
  blob: 'blob',
};

/**
 * The definition of a CQL column type as system_schema writes it. A type some portable type
 * compiles to reads back as that type (`int` → integer, `list<int>` → array of integer); every
 * other type (timeuuid, tinyint, varint, ascii, inet, duration, counter, sets, maps, tuples,
 * frozen collections, UDTs, vectors) reads back as `{ type: 'native', native: <the exact text> }`,
 * so recreating the column gives the same CQL type.
 * @example parseCqlType('list<int>') // { type: 'array', itemType: 'integer' }
 * parseCqlType('set<text>') // { type: 'native', native: 'set<text>' }
 */
export function parseCqlType(cql: string): Pick<FieldDefinition, 'type' | 'itemType' | 'native'> {
  const t = cql.trim();
  const scalar = SCALARS[t];
  if (scalar) return { type: scalar };
  const item = /^list<([a-z]+)>$/.exec(t)?.[1];
  const itemType = item ? SCALARS[item] : undefined;
  // list<text> is what an array of string (the default item) compiles to.
  if (itemType) return { type: 'array', itemType: itemType === 'text' ? 'string' : itemType };
  return { type: 'native', native: t };
}
