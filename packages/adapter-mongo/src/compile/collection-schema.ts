import { type FieldDefinition, isNotNull } from '@ductape/core';
import { propertySchema } from './property-schema.js';
import type { Doc } from './step.js';

/**
 * The `$jsonSchema` of a collection's fields: every field a property, not-null fields required.
 * @example collectionSchema([{ name: 'email', type: 'string', required: true }])
 * // { bsonType: 'object', required: ['email'], properties: { email: { bsonType: 'string' } } }
 */
export function collectionSchema(fields: readonly FieldDefinition[]): Doc {
  const required = fields.filter((f) => isNotNull(f)).map((f) => f.name);
  const properties = Object.fromEntries(fields.map((f) => [f.name, propertySchema(f, f.name)]));
  return { bsonType: 'object', ...(required.length > 0 ? { required } : {}), properties };
}

/**
 * The validator of a new collection: the generated `$jsonSchema` merged with the user's
 * `mongoOptions.validator`. The user's keywords win; properties merge key by key (the user's
 * keywords over the generated ones); `required` is the union. Other top-level keys of the
 * user's validator (query operators such as `$expr`) are kept beside `$jsonSchema`.
 * Merging a validator with the schema of its own introspected fields gives it back unchanged.
 * @example mergeValidator(collectionSchema(fields), { $jsonSchema: { additionalProperties: false } })
 */
export function mergeValidator(generated: Doc, user: Doc | undefined): Doc {
  if (!user) return { $jsonSchema: generated };
  const gp = (generated.properties ?? {}) as Record<string, Doc>;
  // No fields: the user's validator is the whole validator, as written (query operators included).
  if (Object.keys(gp).length === 0) return user;
  const { $jsonSchema: userSchema, ...rest } = user as { $jsonSchema?: Doc };
  const u = (userSchema ?? {}) as Record<string, unknown>;
  const up = (u.properties ?? {}) as Record<string, Doc>;
  const properties: Record<string, unknown> = {};
  for (const key of unique([...Object.keys(up), ...Object.keys(gp)])) properties[key] = mergeProperty(gp[key], up[key]);
  const required = unique([...((u.required as string[] | undefined) ?? []), ...((generated.required as string[] | undefined) ?? [])]);
  // A user $jsonSchema without a top-level bsonType keeps none (documents are objects anyway).
  const { bsonType: _b, ...generatedRest } = generated;
  const schema = { ...(userSchema ? generatedRest : generated), ...u, ...(required.length > 0 || Array.isArray(u.required) ? { required } : {}), properties };
  return { $jsonSchema: schema, ...rest };
}

// The user's keywords over the generated ones; a JSON Schema `type` replaces the generated
// bsonType (MongoDB refuses a property with both).
function mergeProperty(generated: Doc | undefined, user: Doc | undefined): Doc {
  if (!user) return generated ?? {};
  const { bsonType: _b, ...rest } = generated ?? {};
  return { ...('type' in user && !('bsonType' in user) ? rest : generated), ...user };
}

function unique(list: readonly string[]): string[] {
  return [...new Set(list)];
}
