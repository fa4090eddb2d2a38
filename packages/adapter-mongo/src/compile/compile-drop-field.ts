import type { DropFieldOp, Step } from '@ductape/core';
import { uniqueFieldIndexName } from './index-spec.js';
import { patchValidatorStep } from './patch-validator-step.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { StepNames, backupCollectionName, commandStep, namedStep } from './step.js';

const INDEX_NOT_FOUND = 27;

/**
 * dropField → drop its unique index (tolerant: it may not exist) → `$unset` in batches along
 * `_id` → collMod removing the property. With backupDroppedFields the values are first copied
 * to `_ductape_backup.<coll>.<field>`; its down (addField with `previous`) restores the
 * definition, and the values only from such a backup.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'age' }, DEFAULT_SETTINGS)
 */
export function compileDropField(op: DropFieldOp, settings: MongoCompileSettings): Step[] {
  const steps: Step[] = [];
  if (!op.previous || op.previous.unique) {
    const name = uniqueFieldIndexName(op.collection, op.field);
    steps.push(commandStep({ dropIndexes: op.collection, index: name }, `dropIndexes ${op.collection}: ${name} (if it exists)`, { ignoreErrorCodes: [INDEX_NOT_FOUND] }));
  }
  if (settings.backupDroppedFields) {
    const backup = backupCollectionName(op.collection, op.field);
    steps.push(namedStep(StepNames.backupField, { collection: op.collection, field: op.field, backup, batchSize: settings.batchSize }, `copy ${op.collection}.${op.field} values to ${backup}`));
  }
  steps.push(
    namedStep(
      StepNames.updateInBatches,
      { collection: op.collection, filter: { [op.field]: { $exists: true } }, update: { $unset: { [op.field]: '' } }, batchSize: settings.batchSize },
      `update ${op.collection}: $unset ${op.field} (batches of ${settings.batchSize})`,
    ),
  );
  steps.push(patchValidatorStep(op.collection, { kind: 'dropField', field: op.field }, settings, `- ${op.field}`));
  return steps;
}
