import { type OperationModule, inverse, missingFlag, nothing } from './operation-module.js';
import { validateTypeFields } from './type-fields.js';

/**
 * `createType`: a user-defined type (Cassandra `CREATE TYPE`), capability `userTypes`; undone by
 * a dropType carrying its fields.
 * @example createTypeModule.inverse({ type: 'createType', name: 'address', fields: [{ name: 'city', type: 'text' }] })
 * // { ok: true, op: { type: 'dropType', name: 'address', previous: { fields: [{ name: 'city', type: 'text' }] } } }
 */
export const createTypeModule: OperationModule<'createType'> = {
  type: 'createType',
  validate: (op, path, out) => validateTypeFields(op, path, out, true),
  inverse: (op) => inverse({ type: 'dropType', name: op.name, previous: { fields: op.fields } }),
  effects: nothing.effects,
  unsupported: (op, capabilities) => missingFlag(op.type, 'userTypes', capabilities),
  touches: () => [],
  missingPrevious: nothing.missingPrevious,
  resolve: nothing.resolve,
  // Types are not collections: the engine's copy of the schema and the in-memory database hold collections only.
  applyToCopy: () => {},
  applyInMemory: () => {},
  summary: (op) => `${op.type} ${op.name}`,
  replayFields: nothing.replayFields,
};
