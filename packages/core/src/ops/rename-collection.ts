import { identifierProblem } from '../helpers/identifiers.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import { alreadyExists, collectionIn, renameCollectionIn } from './memory-collections.js';
import { type OperationModule, inverse, missingFlag } from './operation-module.js';

/**
 * `renameCollection`: renames a table/collection in place (capability `renameCollection`);
 * undone by the rename back. Foreign keys of other tables follow it.
 * @example renameCollectionModule.touches({ type: 'renameCollection', from: 'a', to: 'b' }) // ['a', 'b']
 */
export const renameCollectionModule: OperationModule<'renameCollection'> = {
  type: 'renameCollection',
  validate(op, path, out) {
    out.identifier(`${path}.from`, identifierProblem(op.from));
    out.identifier(`${path}.to`, identifierProblem(op.to));
    if (op.from === op.to) out.add('rename_to_same', `${path}.to`, 'renameCollection needs a new name different from the old one');
  },
  inverse: (op) => inverse(withoutUndefined({ type: 'renameCollection', from: op.to, to: op.from, previous: op.previous ? { ...op.previous, name: op.to } : undefined })),
  effects: (op) => [
    { kind: 'collection', collection: op.to, exists: true },
    { kind: 'collection', collection: op.from, exists: false },
  ],
  unsupported: (op, capabilities) => missingFlag(op.type, 'renameCollection', capabilities),
  touches: (op) => [op.from, op.to],
  missingPrevious: (op) => (op.previous ? undefined : `renameCollection ${op.from} does not carry the collection's current definition (previous)`),
  resolve(op, live) {
    const c = live.collection(op.from);
    if (!c) return live.refused(op, `renameCollection: collection "${op.from}" does not exist`);
    if (live.collection(op.to)) return live.refused(op, `renameCollection: collection "${op.to}" already exists`, 'already_exists');
    return { ...op, previous: c };
  },
  applyToCopy: (op, copy) => copy.renameCollection(op),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.from);
    if (collections.has(op.to)) throw alreadyExists(`collection "${op.to}"`);
    collections.delete(op.from);
    collections.set(op.to, renameCollectionIn({ ...c, name: op.to }, op.from, op.to));
    for (const [name, other] of collections) if (name !== op.to) collections.set(name, renameCollectionIn(other, op.from, op.to));
  },
  summary: (op) => `${op.type} ${op.from} → ${op.to}`,
  replayFields: (op, model) => model.rename(op.from, op.to),
};
