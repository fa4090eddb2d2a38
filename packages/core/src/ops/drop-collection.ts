import { identifierProblem } from '../helpers/identifiers.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import { collectionIn, referenced, referencingKeysIn, updateCollection } from './memory-collections.js';
import { type OperationModule, inverse, noInverse, nothing } from './operation-module.js';

/**
 * `dropCollection`: removes a table/collection. Undone by a createCollection of its `previous`
 * snapshot (fields, options, indexes, constraints; not its rows).
 * @example dropCollectionModule.effects({ type: 'dropCollection', name: 'old' }) // [{ kind: 'collection', collection: 'old', exists: false }]
 */
export const dropCollectionModule: OperationModule<'dropCollection'> = {
  type: 'dropCollection',
  validate(op, path, out) {
    out.identifier(`${path}.name`, identifierProblem(op.name));
  },
  inverse(op) {
    if (!op.previous) return noInverse(`dropCollection "${op.name}" has no previous definition`);
    return inverse(
      withoutUndefined({
        type: 'createCollection',
        name: op.name,
        fields: op.previous.fields,
        options: op.previous.options,
        indexes: op.previous.indexes,
        constraints: op.previous.constraints,
      }),
    );
  },
  effects: (op) => [{ kind: 'collection', collection: op.name, exists: false }],
  unsupported: nothing.unsupported,
  touches: (op) => [op.name],
  missingPrevious: (op) => (op.previous ? undefined : `dropCollection ${op.name} does not carry the collection's current definition (previous)`),
  resolve(op, live) {
    const c = live.collection(op.name);
    return c ? { ...op, previous: c } : live.refused(op, `dropCollection: collection "${op.name}" does not exist`);
  },
  applyToCopy: (op, copy) => copy.replace(op.name, null),
  applyInMemory(collections, op) {
    collectionIn(collections, op.name);
    // As SQL databases do: a drop the foreign keys of other tables block, unless it cascades to them.
    const keys = referencingKeysIn(collections, op.name);
    if (keys.length > 0 && !op.cascade) throw referenced(op.name, keys[0]);
    for (const k of keys) {
      const c = collectionIn(collections, k.collection);
      updateCollection(collections, c, { constraints: (c.constraints ?? []).filter((x) => x.name !== k.name) });
    }
    collections.delete(op.name);
  },
  summary: (op) => `${op.type} ${op.name}`,
  replayFields: (op, model) => model.drop(op.name),
};
