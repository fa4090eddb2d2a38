import type { AddFieldOp, CompileContext, Step } from '@ductape/core';
import { backfillStep } from './backfill-step.js';
import { uniqueFieldSpec } from './field-indexes.js';
import { assertIndexFeatures } from './compile-create-collection.js';
import { patchValidatorStep } from './patch-validator-step.js';
import type { MongoCompileSettings } from './server-features.js';
import { commandStep } from './step.js';

/**
 * addField → (backfill of its default) → collMod adding the property (required when not null)
 * → its unique index. When this addField undoes a dropField of the same migration (rollback),
 * a no-op step says plainly that the dropped values are not restored.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }, ctx, DEFAULT_SETTINGS)
 */
export function compileAddField(op: AddFieldOp, ctx: CompileContext, settings: MongoCompileSettings): Step[] {
  const f = op.field;
  const steps: Step[] = [];
  if (ctx.direction === 'down' && ctx.migration.up.some((u) => u.type === 'dropField' && u.collection === op.collection && u.field === f.name)) {
    steps.push({ kind: 'noop', reason: `the values of "${op.collection}.${f.name}" removed by dropField are not restored; only its definition (validator) is`, summary: `values of ${op.collection}.${f.name} not restored` });
  }
  const backfill = settings.backfillDefaults ? backfillStep(op.collection, f) : undefined;
  if (backfill) steps.push(backfill);
  steps.push(patchValidatorStep(op.collection, { kind: 'addField', field: f }, settings, `+ ${f.name}`));
  if (f.unique && !f.primaryKey) {
    const u = uniqueFieldSpec(op.collection, f, settings);
    assertIndexFeatures(op.collection, u.spec, settings);
    steps.push(commandStep({ createIndexes: op.collection, indexes: [u.spec] }, `createIndexes ${op.collection}: ${String(u.spec.name)}`, u.warning ? { warning: u.warning } : {}));
  }
  return steps;
}
