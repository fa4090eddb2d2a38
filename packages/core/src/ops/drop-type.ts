import { isRecord } from '../helpers/issue-list.js';
import { type OperationModule, inverse, missingFlag, noInverse, nothing } from './operation-module.js';
import { validateTypeFields } from './type-fields.js';

/**
 * `dropType`: drops a user-defined type, capability `userTypes`; undone by a createType of its
 * `previous` fields. The engine cannot read a type's fields (introspection reads collections), so
 * a dropType without `previous` is refused before any change, asking for them.
 * @example dropTypeModule.inverse({ type: 'dropType', name: 'address' }) // { ok: false, reason: … }
 */
export const dropTypeModule: OperationModule<'dropType'> = {
  type: 'dropType',
  validate(op, path, out) {
    validateTypeFields(op, path, out, false);
    if (op.previous !== undefined) {
      if (!isRecord(op.previous)) out.add('invalid_previous', `${path}.previous`, 'previous must be { fields: [...] }');
      else validateTypeFields({ name: op.name, fields: op.previous.fields }, `${path}.previous`, out, true);
    }
  },
  inverse: (op) => (op.previous ? inverse({ type: 'createType', name: op.name, fields: op.previous.fields }) : noInverse(`dropType "${op.name}" has no previous fields`)),
  effects: nothing.effects,
  unsupported: (op, capabilities) => missingFlag(op.type, 'userTypes', capabilities),
  touches: () => [],
  missingPrevious: (op) => (op.previous ? undefined : `${op.type} ${op.name} does not carry its fields (previous)`),
  resolve: (op, live) => (op.previous ? op : live.refused(op, `dropType ${op.name}: the fields of a user-defined type are not introspected; pass previous: { fields } to drop it`, 'unreadable')),
  applyToCopy: () => {},
  applyInMemory: () => {},
  summary: (op) => `${op.type} ${op.name}`,
  replayFields: nothing.replayFields,
};
