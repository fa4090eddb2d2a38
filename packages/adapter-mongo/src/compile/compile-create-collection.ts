import { type ConstraintDefinition, type CreateCollectionOp, type FieldDefinition, UnsupportedOperationError, ValidationError } from '@ductape/core';
import { collectionSchema, mergeValidator } from './collection-schema.js';
import { createOptions } from './create-options.js';
import { fieldIndexes } from './field-indexes.js';
import { indexSpec } from './index-spec.js';
import { MissingFeatureError } from './missing-feature-error.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { type Doc, type MongoCommandStep, StepNames, commandStep, namedStep } from './step.js';

/**
 * createCollection → `create` (validator from the fields merged with mongoOptions.validator,
 * validationLevel/Action, capped/size/max, collation, timeseries, clusteredIndex), then one `createIndexes` for the primary key, unique
 * fields and any indexes/constraints restored from a snapshot.
 * @example compileCreateCollection({ type: 'createCollection', name: 'users', fields }, DEFAULT_SETTINGS)
 */
export function compileCreateCollection(op: CreateCollectionOp, settings: MongoCompileSettings): MongoCommandStep[] {
  const mo = op.options?.mongoOptions ?? {};
  if (mo.capped && !(typeof mo.size === 'number' && mo.size > 0)) {
    throw new ValidationError(`createCollection "${op.name}"`, [
      { code: 'capped_needs_size', path: 'options.mongoOptions.size', message: 'a capped collection needs its size in bytes (mongoOptions.size)' },
    ]);
  }
  const created = createOptions(op.name, mo, settings.features);
  const wantsValidator = op.fields.length > 0 || mo.validator !== undefined;
  const validation: Doc = wantsValidator
    ? {
        validator: mergeValidator(collectionSchema(op.fields), mo.validator),
        ...(mo.validationLevel ? { validationLevel: mo.validationLevel } : {}),
        ...(mo.validationAction ? { validationAction: mo.validationAction } : {}),
      }
    : {};
  const capped = mo.capped ? { capped: true, ...(mo.size !== undefined ? { size: mo.size } : {}), ...(mo.max !== undefined ? { max: mo.max } : {}) } : {};
  let warning: string | undefined;
  let create: Doc = { create: op.name, ...validation, ...capped, ...created };
  if (wantsValidator && !settings.features.validators) {
    if (settings.onMissingFeature === 'error') throw new MissingFeatureError(`createCollection "${op.name}" with a $jsonSchema validator`, '$jsonSchema validators', true);
    warning = `created ${op.name} without its $jsonSchema validator (the server lacks validators); it is recorded in _ductape_schema and not enforced`;
    create = { create: op.name, ...capped, ...created };
  }
  const steps = [commandStep(create, `create ${op.name}${warning ? ' (validator not supported by the server)' : ''}`, warning ? { warning } : {})];
  if (warning) steps.push(namedStep(StepNames.shadowValidator, { collection: op.name, ...validation }, `record the validator of ${op.name} in _ductape_schema`));
  const implied = fieldIndexes(op.name, op.fields, settings);
  const specs = [...implied.specs, ...(op.indexes ?? []).map((i) => indexSpec(op.name, i)), ...(op.constraints ?? []).map((c) => constraintSpec(op.name, c, op.fields))];
  for (const spec of specs) assertIndexFeatures(op.name, spec, settings);
  if (specs.length > 0) {
    const names = specs.map((s) => s.name).join(', ');
    const w = implied.warnings.join('; ');
    steps.push(commandStep({ createIndexes: op.name, indexes: specs }, `createIndexes ${op.name}: ${names}`, w ? { warning: w } : {}));
  }
  if (op.constraints && op.constraints.length > 0)
    steps.push(namedStep(StepNames.recordConstraints, { collection: op.name, add: op.constraints }, `record constraints of ${op.name} in _ductape_schema`));
  return steps;
}

/**
 * A unique or primary-key constraint as a unique index (MongoDB has no other constraints).
 * @example constraintSpec('users', { name: 'uq_email', type: 'unique', columns: ['email'] }, [])
 */
export function constraintSpec(collection: string, c: ConstraintDefinition, _fields: readonly FieldDefinition[]): Doc {
  if (c.type === 'unique' || c.type === 'primaryKey') return { key: Object.fromEntries(c.columns.map((n) => [n, 1])), name: c.name, unique: true };
  throw new UnsupportedOperationError(
    'mongo',
    `a ${c.type} constraint ("${c.name}" on "${collection}")`,
    'MongoDB has no foreign keys or check constraints; use a $jsonSchema validator (mongoOptions.validator) or application checks',
  );
}

/**
 * Refuses an index the server cannot build: TTL without TTL support, or a partial index without
 * partial-index support (the engine's capability check catches user-written partial indexes first).
 * @example assertIndexFeatures('events', { key: { at: 1 }, name: 'ttl', expireAfterSeconds: 60 }, settings)
 */
export function assertIndexFeatures(collection: string, spec: Doc, settings: MongoCompileSettings): void {
  if (spec.expireAfterSeconds !== undefined && !settings.features.ttlIndexes) throw new MissingFeatureError(`the TTL index "${String(spec.name)}" on "${collection}"`, 'TTL indexes', false);
  if (spec.collation !== undefined && !settings.features.indexCollation)
    throw new MissingFeatureError(`the index "${String(spec.name)}" on "${collection}" with a collation`, 'index collations', false);
  if (spec.partialFilterExpression !== undefined && !settings.features.partialIndexes)
    throw new MissingFeatureError(`the partial index "${String(spec.name)}" on "${collection}"`, 'partial indexes', false);
}
