import { identifierProblem } from '../helpers/identifiers.js';
import { isRecord } from '../helpers/issue-list.js';
import { validateFieldOptions } from '../helpers/validate-field.js';
import { applyChanges, revertChanges } from './field-changes.js';
import { collectionIn, fieldIn, updateCollection } from './memory-collections.js';
import { withPreviousField } from './previous-field.js';
import { type OperationModule, dialectRefusal, inverse, missingFlag, noInverse, nothing, staticRefusal, unsignedRefusal } from './operation-module.js';

/**
 * `modifyField`: changes options of a field (capability `modifyField`); `null` removes one.
 * Undone by the changes back to its `previous` definition. Its effect cannot be checked by
 * introspection (no effects).
 * @example modifyFieldModule.inverse({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 }, previous: { name: 'email', type: 'string', length: 255 } })
 */
export const modifyFieldModule: OperationModule<'modifyField'> = {
  type: 'modifyField',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    out.identifier(`${path}.field`, identifierProblem(op.field));
    if (!isRecord(op.changes) || Object.keys(op.changes).length === 0) out.add('empty_change', `${path}.changes`, 'modifyField needs at least one change, e.g. { length: 500 }');
    else validateFieldOptions(op.changes, `${path}.changes`, out, true);
  },
  inverse(op) {
    if (!op.previous) return noInverse(`modifyField "${op.collection}.${op.field}" has no previous definition`);
    return inverse({
      type: 'modifyField',
      collection: op.collection,
      field: op.field,
      changes: revertChanges(op.changes, op.previous),
      previous: applyChanges(op.previous, op.changes),
    });
  },
  effects: nothing.effects,
  unsupported: (op, capabilities) =>
    missingFlag(op.type, 'modifyField', capabilities) ??
    unsignedRefusal(op.type, [op.changes as { unsigned?: boolean }], capabilities) ??
    staticRefusal(op.type, [op.changes as { static?: boolean }], capabilities) ??
    dialectRefusal(op.type, [{ name: op.field, ...(op.previous ? applyChanges(op.previous, op.changes) : op.changes) }], capabilities),
  touches: (op) => [op.collection],
  missingPrevious: (op) => (op.previous ? undefined : `${op.type} ${op.collection}.${op.field} does not carry the field's current definition (previous)`),
  resolve: (op, live) => withPreviousField(op, op.field, live),
  applyToCopy: (op, copy) => copy.update(op.collection, (c) => ({ ...c, fields: c.fields.map((f) => (f.name === op.field ? applyChanges(f, op.changes) : f)) })),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    const old = fieldIn(c, op.field);
    updateCollection(collections, c, { fields: c.fields.map((f) => (f === old ? applyChanges(old, op.changes) : f)) });
  },
  summary: (op) => `${op.type} ${op.collection}.${op.field}`,
  replayFields(op, model) {
    const fields = model.fields(op.collection);
    const f = fields.get(op.field) ?? op.previous;
    if (f) fields.set(op.field, applyChanges(f, op.changes));
  },
};
