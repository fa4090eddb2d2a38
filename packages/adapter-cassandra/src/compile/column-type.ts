import { type FieldOptions, type FieldType, UnsupportedOperationError, assertNativeDialect, assertNever } from '@ductape/core';
import { nativeCqlType } from './native-type.js';
import { refuse } from './refuse.js';

/**
 * The CQL type of a portable scalar type (the spec's type table). Cassandra has no length,
 * precision or enum: string/text/json/enum are `text`, decimal is arbitrary-precision `decimal`.
 * @example scalarType('datetime') // 'timestamp'
 */
export function scalarType(type: FieldType): string {
  switch (type) {
    case 'integer':
      return 'int';
    case 'bigint':
    case 'smallint':
    case 'float':
    case 'double':
    case 'decimal':
    case 'boolean':
    case 'date':
    case 'time':
    case 'uuid':
    case 'blob':
      return type;
    case 'string':
    case 'text':
    case 'json':
    case 'enum':
      return 'text';
    case 'datetime':
    case 'timestamp':
      return 'timestamp';
    case 'binary':
      return 'blob';
    case 'array':
      return 'list<text>';
    case 'native':
      throw new UnsupportedOperationError('cassandra', 'a native type without its CQL text', 'give the whole field, { type: "native", native: "<CQL type>" } (see columnType)');
    case 'citext':
    case 'inet':
    case 'cidr':
    case 'macaddr':
    case 'tsvector':
      // Core refuses these before any IO (rawDialects lack 'postgresql'); CQL's inet holds no netmask, so it is no faithful inet either.
      throw new UnsupportedOperationError('cassandra', `the PostgreSQL type ${type}`, "it is PostgreSQL's own; use text, or { type: 'native', native: '<CQL type>', dialect: 'cassandra' }");
    default:
      return assertNever(type);
  }
}

/**
 * The CQL type of a field; an array is `list<item>` (item `string` when not given); a native
 * field is its CQL text as written (`{ type: 'native', native: 'set<text>' }`).
 * Refuses what Cassandra cannot store, before any IO.
 * @example columnType({ type: 'array', itemType: 'integer' }, 'users.scores') // 'list<int>'
 */
export function columnType(field: Pick<FieldOptions, 'type' | 'itemType' | 'native' | 'dialect'>, where: string): string {
  if (field.type === 'native') {
    assertNativeDialect(field, 'cassandra', ['cassandra']); // declared for another database: refused, naming both
    return nativeCqlType(field.native, where);
  }
  if (field.type !== 'array') return scalarType(field.type);
  const item = field.itemType ?? 'string';
  if (item === 'array') refuse(`array of arrays "${where}"`, 'nested lists need frozen types; declare the column with a raw CQL operation');
  return `list<${scalarType(item)}>`;
}
