import type { PlannedStatement, ResolvedUpdate, UpdateResult } from '@ductape/core';
import type { Collection, Document } from 'mongodb';
import { type FieldTypes, pipelineSet } from './update-expression.js';
import { whereFilter } from './update-filter.js';

/**
 * `db.update(…, { dryRun: true })` on MongoDB: reads only. Counts the documents the batches would
 * update (countDocuments of the batches' own filter, whereFilter; after the saved position of an
 * interrupted run of the same update, as the real run resumes) and shows each batch's commands:
 * the find of its ids and the pipeline update (or, on a server without pipeline updates, the
 * per-document evaluation and `$set`).
 * @example (await dryRunMongo(coll, features, resolved, types, filter, 5000)).dryRun?.rowsToUpdate
 */
export async function dryRunMongo(
  coll: Collection<Document>,
  features: { readonly pipelineUpdates: boolean; readonly transactions: boolean },
  update: ResolvedUpdate,
  types: FieldTypes,
  filter: Document,
  batchSize: number,
): Promise<UpdateResult> {
  const rowsToUpdate = await coll.countDocuments(filter);
  const ids = { $and: [whereFilter(update.where), { _id: { $in: "<the batch's ids>" } }] };
  const inTx = features.transactions ? ', in one transaction with its progress document' : ' (no transactions on this server: a crash between it and its progress document re-runs that batch)';
  const statements: PlannedStatement[] = [
    {
      description: `each batch: the ids of the next ${batchSize} matching documents in _id order (fewer once a batch takes longer than maxLockMs), after the last id of the batch before`,
      command: { find: coll.collectionName, filter, projection: { _id: 1 }, sort: { _id: 1 }, limit: batchSize },
    },
    features.pipelineUpdates
      ? { description: `then one pipeline update of those documents that still match${inTx}`, command: { updateMany: coll.collectionName, filter: ids, update: pipelineSet(update, types) } }
      : {
          description: `then those documents are read, their new values computed here by core's shared evaluator, and written with one $set each (this server has no pipeline updates)${inTx}`,
          command: {
            find: coll.collectionName,
            filter: ids,
            bulkWrite: { updateOne: { filter: { _id: '<id>' }, update: { $set: Object.fromEntries(update.set.map((s) => [s.column, '<computed>'])) } } },
          },
        },
  ];
  return { rowsUpdated: 0, batches: 0, longestBatchMs: 0, dryRun: { rowsToUpdate, statements } };
}
