import { identifierProblem } from '../helpers/identifiers.js';
import { collectionIn, doesNotExist, updateCollection } from './memory-collections.js';
import { type OperationModule, inverse, noInverse, nothing } from './operation-module.js';

/**
 * `dropIndex`: removes an index; undone by a createIndex of its `previous` definition.
 * @example dropIndexModule.summary({ type: 'dropIndex', collection: 'users', name: 'idx' }) // 'dropIndex idx on users'
 */
export const dropIndexModule: OperationModule<'dropIndex'> = {
  type: 'dropIndex',
  validate(op, path, out) {
    out.identifier(`${path}.collection`, identifierProblem(op.collection));
    out.identifier(`${path}.name`, identifierProblem(op.name));
  },
  inverse(op) {
    if (!op.previous) return noInverse(`dropIndex "${op.name}" has no previous definition`);
    return inverse({ type: 'createIndex', collection: op.collection, ...op.previous });
  },
  effects: (op) => [{ kind: 'index', collection: op.collection, name: op.name, exists: false }],
  unsupported: nothing.unsupported,
  touches: (op) => [op.collection],
  missingPrevious: (op) => (op.previous ? undefined : `${op.type} ${op.name} on ${op.collection} does not carry its current definition (previous)`),
  resolve(op, live) {
    const c = live.collection(op.collection);
    if (!c) return live.refused(op, `dropIndex: collection "${op.collection}" does not exist`);
    if (!c.indexes) return live.refused(op, `dropIndex ${op.name}: this database does not report the indexes of "${op.collection}", so its definition cannot be read: pass previous`, 'unreadable');
    const found = c.indexes.find((x) => x.name === op.name);
    return found ? { ...op, previous: found } : live.refused(op, `dropIndex: "${op.collection}" has no index "${op.name}"`);
  },
  applyToCopy: (op, copy) => copy.update(op.collection, (c) => (c.indexes ? { ...c, indexes: c.indexes.filter((i) => i.name !== op.name) } : c)),
  applyInMemory(collections, op) {
    const c = collectionIn(collections, op.collection);
    if (!(c.indexes ?? []).some((i) => i.name === op.name)) throw doesNotExist(`index "${op.name}"`);
    updateCollection(collections, c, { indexes: (c.indexes ?? []).filter((i) => i.name !== op.name) });
  },
  summary: (op) => `${op.type} ${op.name} on ${op.collection}`,
  replayFields: nothing.replayFields,
};
