import type { AnyBulkWriteOperation, ClientSession, Db, Document } from 'mongodb';
import { type WriteLimits, bulkWriteInChunks } from './write-chunks.js';

/**
 * Copies `field` of every document that has it into `backup` as `{ _id, v }`, in batches along
 * `_id`; upserts, so running it again is harmless.
 * @example await backupField(db, 'users', 'age', '_ductape_backup.users.age', 1000, MONGODB_FEATURES)
 */
export async function backupField(db: Db, collection: string, field: string, backup: string, batchSize: number, limits: WriteLimits, session?: ClientSession): Promise<void> {
  const opts = session ? { session } : {};
  await copyInBatches(db, collection, { [field]: { $exists: true } }, { _id: 1, [field]: 1 }, batchSize, opts, limits, (d) => ({
    target: backup,
    op: { updateOne: { filter: { _id: d._id }, update: { $set: { v: d[field] } }, upsert: true } },
  }));
}

/**
 * Puts the values kept by backupField back into `field`, then drops the backup. Nothing happens
 * when no backup exists.
 * @example await restoreField(db, 'users', 'age', '_ductape_backup.users.age', 1000, MONGODB_FEATURES)
 */
export async function restoreField(db: Db, collection: string, field: string, backup: string, batchSize: number, limits: WriteLimits, session?: ClientSession): Promise<void> {
  const opts = session ? { session } : {};
  if ((await db.listCollections({ name: backup }, opts).toArray()).length === 0) return;
  await copyInBatches(db, backup, {}, { _id: 1, v: 1 }, batchSize, opts, limits, (d) => ({
    target: collection,
    op: { updateOne: { filter: { _id: d._id }, update: { $set: { [field]: d.v } } } },
  }));
  await db.command({ drop: backup }, opts);
}

type Write = { target: string; op: AnyBulkWriteOperation<Document> };

async function copyInBatches(
  db: Db,
  from: string,
  filter: Document,
  projection: Document,
  batchSize: number,
  opts: { session?: ClientSession },
  limits: WriteLimits,
  write: (d: Document) => Write,
): Promise<void> {
  let last: unknown;
  for (;;) {
    const q = last === undefined ? filter : { $and: [filter, { _id: { $gt: last } }] };
    const docs = await db
      .collection(from)
      .find(q, { ...opts, projection, sort: { _id: 1 }, limit: batchSize })
      .toArray();
    if (docs.length === 0) return;
    const writes = docs.map(write);
    await bulkWriteInChunks(
      db.collection(writes[0]!.target),
      writes.map((w) => w.op),
      { ...opts, ordered: false },
      limits,
    );
    last = docs[docs.length - 1]!._id;
  }
}
