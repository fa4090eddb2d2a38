import { identifierProblem } from '../helpers/identifiers.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import { validatePosition } from './field-position.js';
import { collectionIn, fieldIn, referenced, referencingKeysIn, updateCollection } from './memory-collections.js';
import type { ReferencingKey } from '../adapter/adapter.js';
import type { MemoryCollections } from './operation-module.js';
import { withPreviousField } from './previous-field.js';
import { type OperationModule, inverse, missingFlag, noInverse } from './operation-module.js';

/**
 * `dropField`: removes a field (capability `dropField`); undone by an addField of its `previous`
 * definition (not its values), at its `position` (MySQL/MariaDB). The engine drops the indexes
 * and keys that use it first (foreign keys to it and from it before the indexes they need); the
 * foreign keys of other collections that reference it only with `cascade: true` (refused without).
 * @example dropFieldModule.missingPrevious({ type: 'dropField', collection: 'users', field: 'age' }) // 'dropField users.age does not carry …'
 */
export const dropFieldModule: OperationModule<'dropField'> = {
  type: 'dropField',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    out.identifier(`${path}.field`, identifierProblem(op.field));
    validatePosition(op.position, `${path}.position`, out);
  },
  inverse(op) {
    if (!op.previous) return noInverse(`dropField "${op.collection}.${op.field}" has no previous definition`);
    return inverse(withoutUndefined({ type: 'addField', collection: op.collection, field: op.previous, position: op.position }));
  },
  effects: (op) => [{ kind: 'field', collection: op.collection, name: op.field, exists: false }],
  unsupported: (op, capabilities) => missingFlag(op.type, 'dropField', capabilities),
  touches: (op) => [op.collection],
  missingPrevious: (op) => (op.previous ? undefined : `${op.type} ${op.collection}.${op.field} does not carry the field's current definition (previous)`),
  resolve: (op, live) => withPreviousField(op, op.field, live),
  applyToCopy: (op, copy) => copy.update(op.collection, (c) => ({ ...c, fields: c.fields.filter((f) => f.name !== op.field) })),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    fieldIn(c, op.field);
    // As SQL databases do: a column the foreign keys of other tables reference is not dropped under them.
    const key = referencingKeysIn(collections, op.collection).find((k) => fieldReferenced(collections, k, op.collection, op.field));
    if (key && !op.cascade) throw referenced(`${op.collection}.${op.field}`, key, 'dropField');
    for (const k of referencingKeysIn(collections, op.collection).filter((k) => fieldReferenced(collections, k, op.collection, op.field))) {
      const owner = collectionIn(collections, k.collection);
      updateCollection(collections, owner, { constraints: (owner.constraints ?? []).filter((x) => x.name !== k.name) });
    }
    updateCollection(collections, c, { fields: c.fields.filter((f) => f.name !== op.field) });
  },
  summary: (op) => `${op.type} ${op.collection}.${op.field}`,
  replayFields: (op, model) => void model.fields(op.collection).delete(op.field),
};

/** True when foreign key `k` (of another collection) references `field` of `collection`. */
function fieldReferenced(collections: MemoryCollections, k: ReferencingKey, collection: string, field: string): boolean {
  const key = collections.get(k.collection)?.constraints?.find((x) => x.name === k.name);
  return key?.type === 'foreignKey' && key.references.table === collection && key.references.columns.includes(field);
}
