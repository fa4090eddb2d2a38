import type { RenameFieldOp, Step } from '@ductape/core';
import { patchValidatorStep } from './patch-validator-step.js';
import type { MongoCompileSettings } from './server-features.js';
import { StepNames, namedStep } from './step.js';

/**
 * renameField → `$rename` in batches along `_id` (moving the indexes that use the field) →
 * collMod renaming the property and its `required` entry.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, DEFAULT_SETTINGS)
 */
export function compileRenameField(op: RenameFieldOp, settings: MongoCompileSettings): Step[] {
  return [
    namedStep(
      StepNames.renameField,
      { collection: op.collection, from: op.from, to: op.to, batchSize: settings.batchSize },
      `update ${op.collection}: $rename ${op.from} → ${op.to} (batches of ${settings.batchSize}, indexes moved)`,
    ),
    patchValidatorStep(op.collection, { kind: 'renameField', from: op.from, to: op.to }, settings, `${op.from} → ${op.to}`),
  ];
}
