import { type FieldOptions, assertNativeDialect, isNotNull } from '@ductape/core';
import { BSON_TYPES, nativeBsonTypes, SMALLINT_MAX, SMALLINT_MIN, TIME_PATTERN, UUID_PATTERN } from './bson-types.js';
import type { Doc } from './step.js';

/** The `$jsonSchema` keywords this adapter writes for a field (and `description` when it holds a default). */
export const GENERATED_KEYWORDS: readonly string[] = ['bsonType', 'maxLength', 'minimum', 'maximum', 'pattern', 'enum', 'items'];

/** MongoDB has no field defaults: a default is kept as this annotation of the property (JSON after the prefix). */
export const DEFAULT_PREFIX = 'default: ';

/**
 * The `$jsonSchema` property of one field. A field that may be null also accepts BSON null
 * (as a nullable SQL column does); `required` goes in the parent's `required` list. A default,
 * which MongoDB cannot apply by itself, is recorded in `description` (`default: <JSON>`).
 * A native field's bsonType is its `native` text (`{ type: 'native', native: 'objectId' }`).
 * @example propertySchema({ type: 'string', length: 20 }) // { bsonType: ['string', 'null'], maxLength: 20 }
 */
export function propertySchema(field: FieldOptions, where = 'field'): Doc {
  const nullable = !isNotNull(field);
  if (field.type === 'native') assertNativeDialect(field, 'mongo', ['mongodb']); // declared for another database: refused, naming both
  const own = field.type === 'native' ? nativeBsonTypes(field.native, where) : BSON_TYPES[field.type];
  const types = [...own, ...(nullable && own.length > 0 && !own.includes('null') ? ['null'] : [])];
  // native 'any': no bsonType keyword at all.
  const schema: Record<string, unknown> = types.length === 0 ? {} : { bsonType: types.length === 1 ? types[0] : types };
  if (field.type === 'string' && typeof field.length === 'number') schema.maxLength = field.length;
  if (field.type === 'smallint') Object.assign(schema, { minimum: SMALLINT_MIN, maximum: SMALLINT_MAX });
  if (field.type === 'uuid') schema.pattern = UUID_PATTERN;
  if (field.type === 'time') schema.pattern = TIME_PATTERN;
  if (field.type === 'enum' && field.enumValues) schema.enum = [...field.enumValues, ...(nullable ? [null] : [])];
  if (field.type === 'array' && field.itemType) schema.items = propertySchema({ type: field.itemType, required: true });
  if (field.default !== undefined) schema.description = DEFAULT_PREFIX + JSON.stringify(field.default);
  return schema;
}
