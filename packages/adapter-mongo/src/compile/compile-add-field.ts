import type { AddFieldOp, CompileContext, Step } from '@ductape/core';
import { backfillStep } from './backfill-step.js';
import { uniqueFieldSpec } from './field-indexes.js';
import { assertIndexFeatures } from './compile-create-collection.js';
import { patchValidatorStep } from './patch-validator-step.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { StepNames, backupCollectionName, commandStep, namedStep } from './step.js';

/**
 * addField → (backfill of its default) → collMod adding the property (required when not null)
 * → its unique index. When this addField undoes a dropField of the same migration (rollback),
 * a no-op step says plainly that the dropped values are not restored, unless a backup was
 * taken (backupDroppedFields), which a restore step then copies back.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }, ctx, DEFAULT_SETTINGS)
 */
export function compileAddField(op: AddFieldOp, ctx: CompileContext, settings: MongoCompileSettings): Step[] {
  const f = op.field;
  const steps: Step[] = [];
  const undoesDrop = ctx.direction === 'down' && ctx.migration.up.some((u) => u.type === 'dropField' && u.collection === op.collection && u.field === f.name);
  const backup = backupCollectionName(op.collection, f.name);
  if (undoesDrop) {
    const reason = `the values of "${op.collection}.${f.name}" removed by dropField are not restored unless a backup was taken (backupDroppedFields, in ${backup}); its definition (validator) is`;
    steps.push({ kind: 'noop', reason, summary: `values of ${op.collection}.${f.name} not restored (unless backed up)` });
  }
  const backfill = settings.backfillDefaults ? backfillStep(op.collection, f) : undefined;
  if (backfill) steps.push(backfill);
  if (undoesDrop)
    steps.push(
      namedStep(StepNames.restoreField, { collection: op.collection, field: f.name, backup, batchSize: settings.batchSize }, `restore ${op.collection}.${f.name} values from ${backup} if it exists`),
    );
  steps.push(patchValidatorStep(op.collection, { kind: 'addField', field: f }, settings, `+ ${f.name}`));
  if (f.unique && !f.primaryKey) {
    const u = uniqueFieldSpec(op.collection, f, settings);
    assertIndexFeatures(op.collection, u.spec, settings);
    steps.push(commandStep({ createIndexes: op.collection, indexes: [u.spec] }, `createIndexes ${op.collection}: ${String(u.spec.name)}`, u.warning ? { warning: u.warning } : {}));
  }
  return steps;
}
