import type { ClientSession, Db, Document } from 'mongodb';

/**
 * Applies `update` to every document matching `filter`, `batchSize` documents at a time in `_id`
 * order, so a long rewrite never runs as one huge command and can resume: the filter must stop
 * matching a document once it is updated (e.g. `{ f: { $exists: true } }` with `$unset: { f }`).
 * `_id`s of several BSON types are all visited (a pass without the cursor catches the others).
 * @example await updateInBatches(db, 'users', { age: { $exists: true } }, { $unset: { age: '' } }, 1000)
 */
export async function updateInBatches(db: Db, collection: string, filter: Document, update: Document, batchSize: number, session?: ClientSession): Promise<number> {
  const coll = db.collection(collection);
  const opts = session ? { session } : {};
  let last: unknown;
  let total = 0;
  for (;;) {
    const q = last === undefined ? filter : { $and: [filter, { _id: { $gt: last } }] };
    const ids = (await coll.find(q, { ...opts, projection: { _id: 1 }, sort: { _id: 1 }, limit: batchSize }).toArray()).map((d) => d._id as unknown);
    if (ids.length === 0) {
      if (last === undefined) return total;
      last = undefined;
      continue;
    }
    const r = await coll.updateMany({ $and: [filter, { _id: { $in: ids } }] }, update, opts);
    total += r.modifiedCount;
    last = ids[ids.length - 1];
  }
}
