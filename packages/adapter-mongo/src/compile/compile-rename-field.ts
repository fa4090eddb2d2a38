import type { RenameFieldOp, Step } from '@ductape/core';
import { patchValidatorStep } from './patch-validator-step.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { StepNames, namedStep } from './step.js';

/**
 * renameField → `$rename` in batches along `_id` (moving the indexes that use the field) → the
 * field renamed in the columns of the constraints recorded in `_ductape_schema` (their indexes
 * moved with the field) → collMod renaming the property and its `required` entry. Its inverse, the
 * rename back, restores all three.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, DEFAULT_SETTINGS)
 */
export function compileRenameField(op: RenameFieldOp, settings: MongoCompileSettings): Step[] {
  return [
    namedStep(
      StepNames.renameField,
      { collection: op.collection, from: op.from, to: op.to, batchSize: settings.batchSize },
      `update ${op.collection}: $rename ${op.from} → ${op.to} (batches of ${settings.batchSize}, indexes moved)`,
    ),
    namedStep(StepNames.renameConstraintColumns, { collection: op.collection, from: op.from, to: op.to }, `_ductape_schema: constraints of ${op.collection} on ${op.from} now on ${op.to}`),
    patchValidatorStep(op.collection, { kind: 'renameField', from: op.from, to: op.to }, settings, `${op.from} → ${op.to}`),
  ];
}
