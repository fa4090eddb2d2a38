import type { ClientSession, Db, Document } from 'mongodb';
import { uniqueFieldIndexName } from '../compile/index-spec.js';
import { updateInBatches } from './update-in-batches.js';

/**
 * Renames a field in every document, in batches along `_id`, and moves the indexes that use it:
 * they are dropped first (a unique index on a field that disappears would collide on null),
 * the documents renamed, then the indexes rebuilt on the new name (`<coll>_<from>_key` becomes
 * `<coll>_<to>_key`; other names are kept). Between the drop and the rebuild the field is not
 * indexed; a crash in that window leaves the indexes to recreate by hand (see the README).
 * @example await renameField(db, 'users', 'name', 'full_name', 1000)
 */
export async function renameField(db: Db, collection: string, from: string, to: string, batchSize: number, session?: ClientSession): Promise<void> {
  const coll = db.collection(collection);
  const opts = session ? { session } : {};
  const indexes = (await coll.listIndexes(opts).toArray()).filter((i) => i.name !== '_id_' && Object.keys(i.key as Document).includes(from));
  for (const i of indexes) await db.command({ dropIndexes: collection, index: i.name }, opts);
  await updateInBatches(db, collection, { [from]: { $exists: true } }, { $rename: { [from]: to } }, batchSize, session);
  if (indexes.length === 0) return;
  await db.command({ createIndexes: collection, indexes: indexes.map((i) => movedIndex(collection, i, from, to)) }, opts);
}

function movedIndex(collection: string, index: Document, from: string, to: string): Document {
  const { v: _v, ns: _ns, key, name, partialFilterExpression, ...options } = index;
  const rename = (d: Document) => Object.fromEntries(Object.entries(d).map(([k, v]) => [k === from ? to : k, v]));
  return {
    key: rename(key as Document),
    name: name === uniqueFieldIndexName(collection, from) ? uniqueFieldIndexName(collection, to) : name,
    ...options,
    ...(partialFilterExpression ? { partialFilterExpression: rename(partialFilterExpression as Document) } : {}),
  };
}
