import { type IssueList, isRecord } from '../helpers/issue-list.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import type { MongoOptionChanges } from '../model/collection-option-changes.js';
import type { CollectionSnapshot } from '../model/operation.js';

// The MongoDB block of alterCollectionOptions: validator, validationLevel and validationAction,
// changed together with one collMod; its `previous` is all three as listCollections reported them.

const KEYS: readonly string[] = ['validator', 'validationLevel', 'validationAction', 'validatorFields'];
const LEVELS = ['off', 'strict', 'moderate'];
const ACTIONS = ['error', 'warn'];

/**
 * Checks a MongoDB block of alterCollectionOptions (also its `previous`, which has the same shape).
 * @example validateMongoChanges({ validationLevel: 'loose' }, 'up[0].options.mongoOptions', out) // invalid_option
 */
export function validateMongoChanges(o: unknown, path: string, out: IssueList): void {
  if (!isRecord(o) || Object.keys(o).length === 0) {
    return out.add('empty_change', path, 'mongoOptions needs at least one setting, e.g. { validator: { $jsonSchema: { … } } } or { validationLevel: "moderate" }');
  }
  for (const k of Object.keys(o)) if (!KEYS.includes(k)) out.add('unknown_option', `${path}.${k}`, `unknown MongoDB collection setting "${k}"; use validator, validationLevel, validationAction`);
  const bad = (key: string, message: string) => out.add('invalid_option', `${path}.${key}`, message);
  if (o.validator !== undefined && o.validator !== null && (!isRecord(o.validator) || Object.keys(o.validator).length === 0))
    bad('validator', 'validator must be a non-empty document such as { $jsonSchema: { bsonType: "object", properties: { … } } }, or null to remove it');
  if (isRecord(o.validator) && o.validator.$jsonSchema !== undefined && !isRecord(o.validator.$jsonSchema)) bad('validator.$jsonSchema', '$jsonSchema must be a JSON Schema document');
  if (o.validationLevel !== undefined && !LEVELS.includes(o.validationLevel as string)) bad('validationLevel', `validationLevel must be one of ${LEVELS.join(', ')}`);
  if (o.validationAction !== undefined && !ACTIONS.includes(o.validationAction as string)) bad('validationAction', `validationAction must be one of ${ACTIONS.join(', ')}`);
  if (o.validatorFields !== undefined) {
    if (!Array.isArray(o.validatorFields)) bad('validatorFields', 'validatorFields (set by the engine in previous) is a list of field definitions');
    if (o.validator !== undefined) bad('validatorFields', 'give validator or validatorFields, not both');
  }
}

/**
 * What the collection has now, from its introspected snapshot: its validator (the one its fields
 * generate, as `validatorFields`, when it says nothing beyond them; null when it has none) and
 * its levels (MongoDB's defaults strict and error when introspection leaves them out).
 * @example previousMongo({ name: 'users', fields: [], options: { mongoOptions: { validationLevel: 'moderate' } } }) // { validator: null, validationLevel: 'moderate', validationAction: 'error' }
 */
export function previousMongo(c: CollectionSnapshot): MongoOptionChanges {
  const now = c.options?.mongoOptions ?? {};
  const validator = now.validator ? { validator: now.validator } : c.fields.length > 0 ? { validatorFields: c.fields } : { validator: null };
  return { ...validator, validationLevel: now.validationLevel ?? 'strict', validationAction: now.validationAction ?? 'error' };
}

/**
 * True when `previous` holds the validator and both levels (the block changes them together).
 * @example coversMongo({ validationLevel: 'off' }, { validator: null, validationLevel: 'strict', validationAction: 'error' }) // true
 */
export function coversMongo(previous: MongoOptionChanges | undefined): boolean {
  return previous !== undefined && (previous.validator !== undefined || previous.validatorFields !== undefined) && previous.validationLevel !== undefined && previous.validationAction !== undefined;
}

/**
 * A snapshot's mongoOptions with `changes` made, in introspection's form (defaults left out).
 * The fields a new validator declares are not re-read here (the live collection says them).
 * @example applyMongoChanges({ name: 'users', fields: [] }, { validationLevel: 'moderate' }) // { validationLevel: 'moderate' }
 */
export function applyMongoChanges(c: CollectionSnapshot, changes: MongoOptionChanges): CollectionSnapshot['options'] {
  const now = c.options?.mongoOptions ?? {};
  const validator = changes.validatorFields !== undefined ? undefined : changes.validator === undefined ? now.validator : (changes.validator ?? undefined);
  const level = changes.validationLevel ?? now.validationLevel;
  const action = changes.validationAction ?? now.validationAction;
  const mongo = withoutUndefined({
    ...now,
    validator,
    validationLevel: level === 'strict' ? undefined : level,
    validationAction: action === 'error' ? undefined : action,
  });
  const { mongoOptions: _m, ...rest } = c.options ?? {};
  return Object.keys(mongo).length > 0 ? { ...rest, mongoOptions: mongo } : rest;
}
