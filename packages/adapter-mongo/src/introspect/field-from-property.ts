import type { FieldDefinition, FieldType } from '@ductape/core';
import { SMALLINT_MAX, SMALLINT_MIN, TIME_PATTERN, UUID_PATTERN } from '../compile/bson-types.js';
import { DEFAULT_PREFIX } from '../compile/property-schema.js';
import type { Doc } from '../compile/step.js';

const BY_BSON: { readonly [key: string]: FieldType } = {
  int: 'integer',
  'int,long': 'bigint',
  'double,int,long': 'double',
  double: 'double',
  long: 'bigint',
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
 * (the validator itself keeps the original, see mergeValidator).
 * @example fieldFromProperty('email', { bsonType: 'string', maxLength: 255 }, true)
 * // { name: 'email', type: 'string', length: 255, required: true }
 */
export function fieldFromProperty(name: string, p: Doc, required: boolean): FieldDefinition {
  const raw = Array.isArray(p.bsonType) ? (p.bsonType as string[]) : typeof p.bsonType === 'string' ? [p.bsonType] : [];
  const types = raw.filter((t) => t !== 'null').sort();
  const base = BY_BSON[types.join(',')] ?? 'json';
  const f: Record<string, unknown> = { name, type: refine(base, p) };
  if (f.type === 'string' && typeof p.maxLength === 'number') f.length = p.maxLength;
  if (f.type === 'enum') f.enumValues = (p.enum as unknown[]).filter((v): v is string => typeof v === 'string');
  if (f.type === 'array' && p.items && typeof p.items === 'object' && !Array.isArray(p.items)) f.itemType = fieldFromProperty('item', p.items as Doc, true).type;
  if (typeof p.description === 'string' && p.description.startsWith(DEFAULT_PREFIX)) f.default = parseDefault(p.description.slice(DEFAULT_PREFIX.length));
  if (required) f.required = true;
  return f as unknown as FieldDefinition;
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
