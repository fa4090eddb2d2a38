import { BSON, type ClientSession, type Db, type Document } from 'mongodb';
import { uniqueFieldIndexName } from '../compile/index-spec.js';
import { updateInBatches } from './update-in-batches.js';
import { type WriteLimits, createIndexesInChunks } from './write-chunks.js';

/** Indexes a rename has dropped and not yet rebuilt, so an interrupted rename can finish them. */
export const PENDING_INDEXES_COLLECTION = '_ductape_pending_indexes';

/**
 * Renames a field in every document, in batches along `_id`, and moves the indexes that use it:
 * they are recorded in `_ductape_pending_indexes`, dropped (a unique index on a field that
 * disappears would collide on null), the documents renamed, the indexes rebuilt on the new name
 * (`<coll>_<from>_key` becomes `<coll>_<to>_key`; other names are kept), and the record deleted.
 * Run again after a crash, it picks the recorded indexes up, so nothing is lost.
 * @example await renameField(db, 'users', 'name', 'full_name', 1000, MONGODB_FEATURES)
 */
export async function renameField(db: Db, collection: string, from: string, to: string, batchSize: number, limits: WriteLimits, session?: ClientSession): Promise<void> {
  const opts = session ? { session } : {};
  // Extended JSON text: partial filters hold $-operators, which older servers refuse as stored field names.
  const pending = db.collection<{ _id: string; json: string }>(PENDING_INDEXES_COLLECTION);
  const key = JSON.stringify([collection, from, to]);
  const recorded = await pending.findOne({ _id: key }, opts);
  let indexes = recorded ? (BSON.EJSON.parse(recorded.json, { relaxed: false }) as Document[]) : undefined;
  if (!indexes) {
    indexes = (await db.collection(collection).listIndexes(opts).toArray()).filter((i) => i.name !== '_id_' && Object.keys(i.key as Document).includes(from));
    if (indexes.length > 0) await pending.insertOne({ _id: key, json: BSON.EJSON.stringify(indexes, { relaxed: false }) }, opts);
  }
  for (const i of indexes) await db.command({ dropIndexes: collection, index: i.name }, opts).catch(ignoreMissingIndex);
  await updateInBatches(db, collection, { [from]: { $exists: true } }, { $rename: { [from]: to } }, batchSize, session);
  if (indexes.length === 0) return;
  await createIndexesInChunks(db, { createIndexes: collection, indexes: indexes.map((i) => movedIndex(collection, i, from, to)) }, opts, limits);
  await pending.deleteOne({ _id: key }, opts);
}

function ignoreMissingIndex(error: unknown): void {
  if ((error as { code?: number }).code !== 27) throw error;
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
