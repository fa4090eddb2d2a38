import type { FieldDefinition, FieldType } from '@ductape/core';
import { ANY_BSON_TYPE, SMALLINT_MAX, SMALLINT_MIN, TIME_PATTERN, UUID_PATTERN } from '../compile/bson-types.js';
import { DEFAULT_PREFIX } from '../compile/property-schema.js';
import type { Doc } from '../compile/step.js';

// Exactly the bsonType lists propertySchema writes for a portable type (see bson-types.ts); any
// other list reads back as native, so compiling the field gives the same bsonType again.
const BY_BSON: { readonly [key: string]: FieldType } = {
  int: 'integer',
  'int,long': 'bigint',
  'double,int,long': 'double',
  decimal: 'decimal',
  string: 'string',
  bool: 'boolean',
  date: 'datetime',
  object: 'json',
  array: 'array',
  binData: 'binary',
};

/**
 * The field a `$jsonSchema` property describes: the inverse of propertySchema, so compiling
 * what introspection returns gives the same validator. Types outside the table read as json
 * would lose it; those read back as native (`objectId`, `long`, `int, string`, or `any` for a
 * property without bsonType), and the collection's validator keeps every other keyword.
 * @example fieldFromProperty('email', { bsonType: 'string', maxLength: 255 }, true)
 * // { name: 'email', type: 'string', length: 255, required: true }
 */
export function fieldFromProperty(name: string, p: Doc, required: boolean): FieldDefinition {
  const raw = Array.isArray(p.bsonType) ? (p.bsonType as string[]) : typeof p.bsonType === 'string' ? [p.bsonType] : [];
  const types = raw.filter((t) => t !== 'null').sort();
  const base = BY_BSON[types.join(',')];
  const f: Record<string, unknown> = base ? { name, type: refine(base, p) } : { name, type: 'native', native: nativeOf(raw, types) };
  if (f.type === 'string' && typeof p.maxLength === 'number') f.length = p.maxLength;
  if (f.type === 'enum') f.enumValues = (p.enum as unknown[]).filter((v): v is string => typeof v === 'string');
  if (f.type === 'array' && p.items && typeof p.items === 'object' && !Array.isArray(p.items)) {
    const item = fieldFromProperty('item', p.items as Doc, true).type;
    // Items of a type without a portable name: the field is a native array (the validator keeps `items`).
    if (item === 'native' || item === 'array') Object.assign(f, { type: 'native', native: 'array' });
    else f.itemType = item;
  }
  if (typeof p.description === 'string' && p.description.startsWith(DEFAULT_PREFIX)) f.default = parseDefault(p.description.slice(DEFAULT_PREFIX.length));
  if (required) f.required = true;
  return f as unknown as FieldDefinition;
}

// The bsonType list as native text: 'any' without one, 'null' when null is all it allows.
function nativeOf(raw: readonly string[], types: readonly string[]): string {
  if (raw.length === 0) return ANY_BSON_TYPE;
  return types.length === 0 ? 'null' : types.join(', ');
}

function parseDefault(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function refine(base: FieldType, p: Doc): FieldType {
  if (base === 'integer' && p.minimum === SMALLINT_MIN && p.maximum === SMALLINT_MAX) return 'smallint';
  if (base !== 'string') return base;
  if (Array.isArray(p.enum)) return 'enum';
  if (p.pattern === UUID_PATTERN) return 'uuid';
  if (p.pattern === TIME_PATTERN) return 'time';
  return 'string';
}
