import { InvalidArgumentError } from '../errors/errors.js';
import type { FieldDefinition, FieldSpec } from '../model/field.js';

/** What createCollection accepts: a list of named fields, or an object of name → type or options. */
export type FieldsInput = readonly FieldDefinition[] | { readonly [name: string]: FieldSpec };

/**
 * Turns the shorthand forms into a list of full definitions.
 * @example normalizeFields({ id: { type: 'uuid', primaryKey: true }, stock: 'integer' })
 * // [{ name: 'id', type: 'uuid', primaryKey: true }, { name: 'stock', type: 'integer' }]
 */
export function normalizeFields(fields: FieldsInput): FieldDefinition[] {
  if (Array.isArray(fields)) return fields.map((f: FieldDefinition) => ({ ...f }));
  if (typeof fields !== 'object' || fields === null) throw new InvalidArgumentError('fields', 'an object of name → type, or a list of { name, type }', fields);
  return Object.entries(fields as Record<string, FieldSpec>).map(([name, spec]) => normalizeField(name, spec));
}

/**
 * One field from its name and its spec (`'string'` or `{ type: 'string', length: 20 }`).
 * @example normalizeField('phone', 'string') // { name: 'phone', type: 'string' }
 */
export function normalizeField(name: string, spec: FieldSpec): FieldDefinition {
  if (typeof spec === 'string') return { name, type: spec };
  if (typeof spec !== 'object' || spec === null) throw new InvalidArgumentError(`field "${String(name)}"`, 'a type name or { type, … }', spec);
  return { name, ...spec };
}

/** The fields `{ timestamps: true }` adds: created_at and updated_at, not null, default now. */
export function timestampFields(): FieldDefinition[] {
  return ['created_at', 'updated_at'].map((name) => ({ name, type: 'datetime', required: true, default: { $fn: 'now' } }));
}
