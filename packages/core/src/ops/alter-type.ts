import { identifierProblem } from '../helpers/identifiers.js';
import { isRecord } from '../helpers/issue-list.js';
import { type OperationModule, inverse, missingFlag, noInverse, nothing } from './operation-module.js';
import { validateTypeField } from './type-fields.js';

/**
 * `alterType`: one change to a user-defined type, capability `userTypes`: `addField` (Cassandra
 * cannot drop a field of a type, so it has no inverse: give the migration a down of your own or
 * leave it irreversible) or `renameField` (undone by the rename back).
 * @example alterTypeModule.inverse({ type: 'alterType', name: 'address', renameField: { from: 'zip', to: 'postcode' } })
 * // { ok: true, op: { type: 'alterType', name: 'address', renameField: { from: 'postcode', to: 'zip' } } }
 */
export const alterTypeModule: OperationModule<'alterType'> = {
  type: 'alterType',
  validate(op, path, out) {
    out.identifier(`${path}.name`, identifierProblem(op.name));
    const changes = ['addField', 'renameField'].filter((k) => op[k] !== undefined);
    if (changes.length !== 1) {
      out.add('one_type_change', path, 'alterType makes exactly one change: { addField: { name, type } } or { renameField: { from, to } }');
      return;
    }
    if (op.addField !== undefined) validateTypeField(op.addField, `${path}.addField`, out);
    const rename = op.renameField;
    if (rename !== undefined) {
      if (!isRecord(rename)) return out.add('invalid_rename', `${path}.renameField`, 'renameField must be { from, to }');
      out.identifier(`${path}.renameField.from`, identifierProblem(rename.from));
      out.identifier(`${path}.renameField.to`, identifierProblem(rename.to));
    }
  },
  inverse(op) {
    if (op.renameField) return inverse({ type: 'alterType', name: op.name, renameField: { from: op.renameField.to, to: op.renameField.from } });
    return noInverse(`alterType "${op.name}" adds the field "${op.addField?.name}", and Cassandra cannot drop a field of a user-defined type`);
  },
  effects: nothing.effects,
  unsupported: (op, capabilities) => missingFlag(op.type, 'userTypes', capabilities),
  touches: () => [],
  missingPrevious: nothing.missingPrevious,
  resolve: nothing.resolve,
  applyToCopy: () => {},
  applyInMemory: () => {},
  summary: (op) => `${op.type} ${op.name} (${op.addField ? `add ${op.addField.name}` : `rename ${op.renameField?.from} → ${op.renameField?.to}`})`,
  replayFields: nothing.replayFields,
};
