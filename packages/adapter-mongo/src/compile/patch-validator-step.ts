import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { MissingFeatureError } from './missing-feature-error.js';
import { type MongoCommandStep, StepNames, namedStep } from './step.js';
import type { ValidatorPatch } from './validator-patch.js';

/**
 * The step that updates a collection's validator with collMod. The current validator is read
 * when the step runs (compile is pure), patched, and sent back. Without collMod on the server:
 * refused, or (policy 'warn') applied to the validator recorded in `_ductape_schema`, with a warning.
 * @example patchValidatorStep('users', { kind: 'dropField', field: 'age' }, settings, 'users.age')
 */
export function patchValidatorStep(collection: string, patch: ValidatorPatch, settings: MongoCompileSettings, what: string): MongoCommandStep {
  const summary = `collMod ${collection} validator: ${what}`;
  const args = { collection, patch };
  if (settings.features.collMod && settings.features.validators) return namedStep(StepNames.patchValidator, args, summary);
  if (settings.onMissingFeature === 'error') throw new MissingFeatureError(`the validator update of ${collection} (${what})`, 'collMod and $jsonSchema validators', true);
  const warning = `${collection}: the server lacks collMod/$jsonSchema validators, so the validator change (${what}) is recorded in _ductape_schema only and not enforced`;
  return namedStep(StepNames.patchValidator, { ...args, shadow: true }, `${summary} (recorded in _ductape_schema, not enforced)`, { warning });
}
