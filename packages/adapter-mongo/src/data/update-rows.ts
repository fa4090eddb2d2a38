import { createHash } from 'node:crypto';
import { type FieldDefinition, type ResolvedUpdate, UpdateBatches, type UpdateEvaluator, type UpdateOptions, type UpdateResult, canonicalJson, updateEvaluator } from '@ductape/core';
import type { ClientSession, Db, Document, MongoClient } from 'mongodb';
import { dryRunMongo } from './dry-run.js';
import { type FieldTypes, pipelineSet } from './update-expression.js';
import { MONGODB_FEATURES } from '../mongo-compile-settings.js';
import { type WriteLimits, bulkWriteInChunks } from '../execute/write-chunks.js';
import { checkIdTypes } from './id-types.js';
import { whereFilter } from './update-filter.js';

/** Where an interrupted data migration resumes: one document per update, deleted when it completes. */
export const DATA_PROGRESS_COLLECTION = '_ductape_data_progress';

/** What the batches may use on this server. */
export interface UpdateFeatures extends Partial<Pick<WriteLimits, 'statementsPerWrite'>> {
  readonly pipelineUpdates: boolean;
  readonly transactions: boolean;
}

/**
 * A data migration in batches along `_id` (one BSON type of `_id` per collection, checked before
 * any write: checkIdTypes; the last `_id` of a batch goes back to the server, and into the progress
 * document, as the BSON value the driver read, so a Long above 2^53 stays exact): each batch is
 * a pipeline update (`u: [{ $set }]`) of the batch's ids, or, without pipeline updates, the
 * documents read, computed by core's shared evaluator and written with `$set` (the same semantics;
 * `fields`, the introspected collection, tells integer and boolean fields apart). With transactions the batch and its
 * progress document commit together; without, a crash between them re-runs that one batch.
 * Batches are sized by core's rule (UpdateBatches: `maxLockMs`); with `onProgress` the documents
 * to go are counted (countDocuments of the same filter) before the first batch. `dryRun` reads only.
 * @example await updateRowsMongo(client, db, features, resolved, { batchSize: 5000 }, snapshot.fields)
 */
export async function updateRowsMongo(
  client: MongoClient,
  db: Db,
  features: UpdateFeatures,
  update: ResolvedUpdate,
  options: UpdateOptions,
  fields: readonly FieldDefinition[] = [],
): Promise<UpdateResult> {
  const run = new UpdateBatches(options, 5000);
  const progress = db.collection<{ _id: string; lastId: unknown; rows: number }>(DATA_PROGRESS_COLLECTION);
  const id = createHash('sha256').update(canonicalJson(update)).digest('hex');
  const saved = await progress.findOne({ _id: id });
  let last = saved?.lastId;
  let rowsUpdated = saved?.rows ?? 0;
  const coll = db.collection(update.table);
  const filter = whereFilter(update.where);
  const types: FieldTypes = new Map(fields.map((f) => [f.name, String(f.type)]));
  const after = (lastId: unknown) => (lastId === undefined ? filter : { $and: [filter, { _id: { $gt: lastId } }] });
  await checkIdTypes(coll, update.table);
  if (options.dryRun) return dryRunMongo(coll, features, update, types, after(last), run.max);
  const evaluator = updateEvaluator(update, fields);
  run.start({ rowsDone: rowsUpdated, total: run.wantsProgress ? rowsUpdated + (await coll.countDocuments(after(last))) : undefined });
  for (;;) {
    const limit = run.size;
    const done = await run.time(async () => {
      const ids = (await coll.find(after(last), { projection: { _id: 1 }, sort: { _id: 1 }, limit }).toArray()).map((d) => d._id as unknown);
      if (ids.length === 0) return undefined;
      const batch = async (session?: ClientSession) => {
        const n = await runBatch(db, features, update, types, evaluator, { $and: [filter, { _id: { $in: ids } }] }, session);
        await progress.updateOne({ _id: id }, { $set: { lastId: ids[ids.length - 1], rows: rowsUpdated + n } }, { upsert: true, ...(session ? { session } : {}) });
        return n;
      };
      const n = features.transactions ? await inTransaction(client, batch) : await batch();
      return { n, ids };
    });
    if (!done) break;
    rowsUpdated += done.n;
    last = done.ids[done.ids.length - 1];
    run.report({ rowsUpdated, rowsDone: rowsUpdated });
    if (done.ids.length < limit) break;
  }
  await progress.deleteOne({ _id: id });
  return run.result(rowsUpdated);
}

async function runBatch(db: Db, features: UpdateFeatures, update: ResolvedUpdate, types: FieldTypes, evaluator: UpdateEvaluator, q: Document, session?: ClientSession): Promise<number> {
  const coll = db.collection(update.table);
  const opts = session ? { session } : {};
  if (features.pipelineUpdates) {
    return (await coll.updateMany(q, pipelineSet(update, types), opts)).matchedCount;
  }
  const docs = await coll.find(q, opts).toArray();
  if (docs.length === 0) return 0;
  await bulkWriteInChunks(
    coll,
    docs.map((d) => ({ updateOne: { filter: { _id: d._id }, update: { $set: evaluator.values(d) } } })),
    { ordered: true, ...opts },
    { statementsPerWrite: features.statementsPerWrite ?? MONGODB_FEATURES.statementsPerWrite },
  );
  return docs.length;
}

async function inTransaction<T>(client: MongoClient, fn: (session: ClientSession) => Promise<T>): Promise<T> {
  const session = client.startSession();
  try {
    return await session.withTransaction(() => fn(session));
  } finally {
    await session.endSession();
  }
}
