import { type FieldDefinition, isNotNull } from '@ductape/core';
import { TYPE_ALIAS, nativeBsonTypes } from './bson-types.js';
import { primaryKeyIndexName, uniqueFieldIndexName } from './index-spec.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { MissingFeatureError } from './missing-feature-error.js';
import type { Doc } from './step.js';

/** Index specs implied by fields, and a warning when a fallback was taken. */
export interface FieldIndexes {
  readonly specs: Doc[];
  readonly warnings: string[];
}

/**
 * The unique indexes a collection's fields imply: the primary key (unless it is `_id`, which
 * MongoDB indexes itself) and one per `unique: true` field. A unique field that may be missing
 * or null gets a partial filter on its type, so any number of documents may lack it (as SQL
 * allows many NULLs); without partial indexes that needs policy 'warn' and gets a plain index.
 * @example fieldIndexes('users', [{ name: 'email', type: 'string', unique: true }], settings).specs
 * // [{ key: { email: 1 }, name: 'users_email_key', unique: true, partialFilterExpression: { email: { $type: 'string' } } }]
 */
export function fieldIndexes(collection: string, fields: readonly FieldDefinition[], settings: MongoCompileSettings): FieldIndexes {
  const specs: Doc[] = [];
  const warnings: string[] = [];
  const pk = fields.filter((f) => f.primaryKey).map((f) => f.name);
  if (pk.length > 0 && !(pk.length === 1 && pk[0] === '_id')) {
    specs.push({ key: Object.fromEntries(pk.map((n) => [n, 1])), name: primaryKeyIndexName(collection), unique: true });
  }
  for (const f of fields) {
    if (!f.unique || f.primaryKey) continue;
    const spec = uniqueFieldSpec(collection, f, settings);
    specs.push(spec.spec);
    if (spec.warning) warnings.push(spec.warning);
  }
  return { specs, warnings };
}

/**
 * The unique index of one `unique: true` field (see fieldIndexes).
 * @example uniqueFieldSpec('users', { name: 'email', type: 'string', unique: true, required: true }, settings).spec
 */
export function uniqueFieldSpec(collection: string, f: FieldDefinition, settings: MongoCompileSettings): { spec: Doc; warning?: string } {
  const base = { key: { [f.name]: 1 }, name: uniqueFieldIndexName(collection, f.name), unique: true };
  if (isNotNull(f)) return { spec: base };
  if (settings.features.partialIndexes) return { spec: { ...base, partialFilterExpression: { [f.name]: presentFilter(f, `${collection}.${f.name}`) } } };
  if (settings.onMissingFeature === 'error') throw new MissingFeatureError(`a unique index on the optional field "${collection}.${f.name}"`, 'partial indexes', true);
  return { spec: base, warning: `"${collection}.${f.name}" is unique without a partial filter (the server lacks partial indexes): at most one document may lack it` };
}

// Documents where the field holds a value of its type (not null, not missing); a native field's own
// bsonTypes (null left out), or, for native 'any', any value present.
function presentFilter(f: FieldDefinition, where: string): Doc {
  if (f.type !== 'native') return { $type: TYPE_ALIAS[f.type] };
  const types = nativeBsonTypes(f.native, where).filter((t) => t !== 'null');
  if (types.length === 0) return { $exists: true };
  return { $type: types.length === 1 ? types[0] : types };
}
