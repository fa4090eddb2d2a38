import type { FieldDefinition, FieldType } from '@ductape/core';

const SCALARS: { readonly [cql: string]: FieldType } = {
  int: 'integer',
  bigint: 'bigint',
  smallint: 'smallint',
  tinyint: 'smallint',
  varint: 'bigint',
  counter: 'bigint',
  float: 'float',
  double: 'double',
  decimal: 'decimal',
  text: 'text',
  varchar: 'text',
  ascii: 'text',
  inet: 'string',
  boolean: 'boolean',
  date: 'date',
  time: 'time',
  timestamp: 'timestamp',
  uuid: 'uuid',
  timeuuid: 'uuid',
  blob: 'blob',
};

/**
 * The portable definition of a CQL column type as system_schema writes it. Types without a
 * portable equivalent map to the nearest one (tinyint → smallint, timeuuid → uuid, …); maps,
 * sets, tuples and UDTs become text (see README: introspection of such tables is lossy).
 * @example parseCqlType('list<int>') // { type: 'array', itemType: 'integer' }
 */
export function parseCqlType(cql: string): Pick<FieldDefinition, 'type' | 'itemType'> {
  const t = cql.trim().toLowerCase();
  const list = /^(?:frozen<)?list<(.+)>>?$/.exec(t);
  if (list?.[1]) {
    const item = SCALARS[list[1]];
    return item ? { type: 'array', itemType: item === 'text' ? 'string' : item } : { type: 'array' };
  }
  return { type: SCALARS[t] ?? 'text' };
}
