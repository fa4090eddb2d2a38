import { uniqueKeyName } from '../helpers/constraint-names.js';
import { identifierProblem } from '../helpers/identifiers.js';
import type { FieldDefinition } from '../model/field.js';
import { collectionIn, doesNotExist, fieldOfUniqueKey, updateCollection } from './memory-collections.js';
import { type OperationModule, inverse, noInverse, nothing } from './operation-module.js';

/**
 * `dropConstraint`: removes a constraint; undone by an addConstraint of its `previous` definition.
 * @example dropConstraintModule.effects({ type: 'dropConstraint', collection: 't', name: 'k' }) // [{ kind: 'constraint', collection: 't', name: 'k', exists: false }]
 */
export const dropConstraintModule: OperationModule<'dropConstraint'> = {
  type: 'dropConstraint',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    out.identifier(`${path}.name`, identifierProblem(op.name));
  },
  inverse(op) {
    if (!op.previous) return noInverse(`dropConstraint "${op.name}" has no previous definition`);
    return inverse({ type: 'addConstraint', collection: op.collection, constraint: op.previous });
  },
  effects: (op) => [{ kind: 'constraint', collection: op.collection, name: op.name, exists: false }],
  unsupported: nothing.unsupported,
  touches: (op) => [op.collection],
  missingPrevious: (op) => (op.previous ? undefined : `${op.type} ${op.name} on ${op.collection} does not carry its current definition (previous)`),
  resolve(op, live) {
    const c = live.collection(op.collection);
    if (!c) return live.refused(op, `dropConstraint: collection "${op.collection}" does not exist`);
    if (!c.constraints)
      return live.refused(op, `dropConstraint ${op.name}: this database does not report the constraints of "${op.collection}", so its definition cannot be read: pass previous`, 'unreadable');
    const found = c.constraints.find((x) => x.name === op.name);
    const keyed = found ? undefined : c.fields.find((f) => f.unique === true && uniqueKeyName(c.name, f.name) === op.name);
    // Databases report a field's unique key (<table>_<field>_key) on the field: dropping it is
    // unsetting `unique`, and its down sets it again, so the key comes back as it was.
    if (keyed) return { type: 'modifyField', collection: op.collection, field: keyed.name, changes: { unique: null }, previous: keyed };
    return found ? { ...op, previous: found } : live.refused(op, `dropConstraint: "${op.collection}" has no constraint "${op.name}"`);
  },
  applyToCopy: (op, copy) => copy.update(op.collection, (c) => (c.constraints ? { ...c, constraints: c.constraints.filter((k) => k.name !== op.name) } : c)),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    const keyed = fieldOfUniqueKey(c, op.name);
    if (keyed?.unique && !(c.constraints ?? []).some((k) => k.name === op.name)) {
      return updateCollection(collections, c, { fields: c.fields.map((f) => (f === keyed ? withoutUnique(f) : f)) });
    }
    if (!(c.constraints ?? []).some((k) => k.name === op.name)) throw doesNotExist(`constraint "${op.name}"`);
    updateCollection(collections, c, { constraints: (c.constraints ?? []).filter((k) => k.name !== op.name) });
  },
  summary: (op) => `${op.type} ${op.name} on ${op.collection}`,
  replayFields: nothing.replayFields,
};

function withoutUnique(f: FieldDefinition): FieldDefinition {
  const { unique: _u, ...rest } = f;
  return rest;
}
