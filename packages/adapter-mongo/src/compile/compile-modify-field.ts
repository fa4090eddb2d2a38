import { type FieldType, type ModifyFieldOp, type Step, ValidationError, applyChanges } from '@ductape/core';
import { uniqueFieldSpec } from './field-indexes.js';
import { assertIndexFeatures } from './compile-create-collection.js';
import { uniqueFieldIndexName } from './index-spec.js';
import { patchValidatorStep } from './patch-validator-step.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { type MongoCommandStep, commandStep } from './step.js';

/**
 * modifyField → collMod with the field's new property (the current one is read when the step
 * runs, so `previous` is optional) → create or drop its unique index when `unique` changes.
 * Existing documents are not converted: the validator applies to writes from now on.
 * @example compileModifyField({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500, required: true } }, DEFAULT_SETTINGS)
 */
export function compileModifyField(op: ModifyFieldOp, settings: MongoCompileSettings): Step[] {
  const c = op.changes;
  const steps: Step[] = [patchValidatorStep(op.collection, { kind: 'modifyField', field: op.field, changes: c, ...(op.previous ? { previous: op.previous } : {}) }, settings, `~ ${op.field}`)];
  if (!('unique' in c)) return steps;
  if (c.unique === true) {
    if (!op.previous && !c.type) {
      throw new ValidationError(`modifyField "${op.collection}.${op.field}"`, [
        { code: 'unique_needs_type', path: 'previous', message: 'making a field unique on MongoDB needs its type: give `previous` (the sdk introspects it) or `changes.type`' },
      ]);
    }
    const next = applyChanges(op.previous ?? { name: op.field, type: c.type as FieldType }, c);
    const u = uniqueFieldSpec(op.collection, next, settings);
    assertIndexFeatures(op.collection, u.spec, settings);
    steps.push(commandStep({ createIndexes: op.collection, indexes: [u.spec] }, `createIndexes ${op.collection}: ${String(u.spec.name)}`, u.warning ? { warning: u.warning } : {}));
  } else {
    steps.push(dropUniqueStep(op.collection, op.field));
  }
  return steps;
}

function dropUniqueStep(collection: string, field: string): MongoCommandStep {
  const name = uniqueFieldIndexName(collection, field);
  return commandStep({ dropIndexes: collection, index: name }, `dropIndexes ${collection}: ${name} (if it exists)`, { ignoreErrorCodes: [27] });
}
