import { type AlterCollectionOptionsOp, type CollectionOptionChanges, UnsupportedOperationError } from '@ductape/core';
import { collectionSchema, mergeValidator } from './collection-schema.js';
import { MissingFeatureError } from './missing-feature-error.js';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { type Doc, type MongoCommandStep, StepNames, commandStep, namedStep } from './step.js';

type MongoChanges = NonNullable<CollectionOptionChanges['mongoOptions']>;

/**
 * alterCollectionOptions' mongoOptions → one `collMod` with the validator (`{}` removes it; a
 * `previous` of `validatorFields` is the validator those fields generate), validationLevel and
 * validationAction. What the op does not name keeps the value its resolved `previous` recorded,
 * so up and down each send all three. Without collMod the op is refused before IO, or (policy
 * 'warn', no validators) recorded in `_ductape_schema` as createCollection does.
 * @example compileAlterCollectionOptions({ type: 'alterCollectionOptions', collection: 'users', options: { mongoOptions: { validationLevel: 'moderate' } } }, DEFAULT_SETTINGS)
 * // [{ name: 'collMod', args: { collMod: 'users', validationLevel: 'moderate' }, … }]
 */
export function compileAlterCollectionOptions(op: AlterCollectionOptionsOp, settings: MongoCompileSettings): MongoCommandStep[] {
  const other = Object.keys(op.options ?? {}).find((block) => block !== 'mongoOptions');
  const changes = op.options.mongoOptions;
  if (other !== undefined || !changes) {
    throw new UnsupportedOperationError(
      'mongo',
      `alterCollectionOptions ${other ?? ''} on "${op.collection}"`.replace('  ', ' '),
      'it changes mongoOptions (validator, validationLevel, validationAction) only',
    );
  }
  if (settings.features.collMod && settings.features.validators) {
    const validator = validatorOf(changes);
    const levels = levelsOf(changes);
    return [commandStep({ collMod: op.collection, ...(validator ? { validator } : {}), ...levels }, `collMod ${op.collection}: ${describe(validator, levels)}`)];
  }
  if (settings.features.validators || settings.onMissingFeature === 'error') {
    throw new MissingFeatureError(
      `alterCollectionOptions mongoOptions on "${op.collection}"`,
      settings.features.validators ? 'collMod' : '$jsonSchema validators and collMod',
      !settings.features.validators,
    );
  }
  // _ductape_schema holds the whole record: what the op does not name is what previous recorded.
  const validator = validatorOf(changes) ?? validatorOf(op.previous?.mongoOptions ?? {}) ?? {};
  const levels = levelsOf({ ...op.previous?.mongoOptions, ...changes });
  const warning = `recorded the validation settings of ${op.collection} in _ductape_schema (the server lacks validators); not enforced`;
  return [
    namedStep(
      StepNames.shadowValidator,
      { collection: op.collection, validator: validator ?? {}, ...levels },
      `record the validator of ${op.collection} in _ductape_schema (${describe(validator, levels)})`,
      { warning },
    ),
  ];
}

// The validator document a block sets: its own, none ({}), or the one its fields generate.
function validatorOf(m: MongoChanges): Doc | undefined {
  if (m.validator === null) return {};
  if (m.validator !== undefined) return m.validator;
  if (m.validatorFields) return mergeValidator(collectionSchema(m.validatorFields), undefined);
  return undefined;
}

function levelsOf(m: MongoChanges): Doc {
  return { ...(m.validationLevel ? { validationLevel: m.validationLevel } : {}), ...(m.validationAction ? { validationAction: m.validationAction } : {}) };
}

function describe(validator: Doc | undefined, levels: Doc): string {
  const v = validator === undefined ? [] : [Object.keys(validator).length === 0 ? 'no validator' : 'validator'];
  return [...v, ...Object.entries(levels).map(([k, x]) => `${k} ${String(x)}`)].join(', ');
}
