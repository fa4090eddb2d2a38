import { identifierProblem } from '../helpers/identifiers.js';
import { validateField } from '../helpers/validate-field.js';
import { placed, validatePosition } from './field-position.js';
import { alreadyExists, collectionIn, updateCollection } from './memory-collections.js';
import { type OperationModule, dialectRefusal, inverse, nothing, staticRefusal, unsignedRefusal } from './operation-module.js';

/**
 * `addField`: a new field (column, attribute) on a collection; undone by a dropField.
 * @example addFieldModule.inverse({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } })
 * // { ok: true, op: { type: 'dropField', collection: 'users', field: 'phone' } }
 */
export const addFieldModule: OperationModule<'addField'> = {
  type: 'addField',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    validateField(op.field, `${path}.field`, out);
    validatePosition(op.position, `${path}.position`, out);
  },
  inverse: (op) => inverse({ type: 'dropField', collection: op.collection, field: op.field.name }),
  effects: (op) => [{ kind: 'field', collection: op.collection, name: op.field.name, exists: true }],
  unsupported: (op, capabilities) => unsignedRefusal(op.type, [op.field], capabilities) ?? staticRefusal(op.type, [op.field], capabilities) ?? dialectRefusal(op.type, [op.field], capabilities),
  touches: (op) => [op.collection],
  missingPrevious: nothing.missingPrevious,
  resolve: nothing.resolve,
  applyToCopy: (op, copy) =>
    copy.update(op.collection, (c) => ({
      ...c,
      fields: placed(
        c.fields.filter((f) => f.name !== op.field.name),
        op.field,
        op.position,
      ),
    })),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    if (c.fields.some((f) => f.name === op.field.name)) throw alreadyExists(`field "${op.field.name}"`, ` in "${op.collection}"`);
    updateCollection(collections, c, { fields: placed(c.fields, op.field, op.position) });
  },
  summary: (op) => `${op.type} ${op.collection}.${op.field.name}`,
  replayFields: (op, model) => void model.fields(op.collection).set(op.field.name, op.field),
};
