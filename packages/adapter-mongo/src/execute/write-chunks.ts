import type { AnyBulkWriteOperation, BulkWriteOptions, Collection, CommandOperationOptions, Db, Document } from 'mongodb';

/** How many statements or index specifications one command may carry (ServerFeatures). */
export interface WriteLimits {
  readonly statementsPerWrite: number;
  readonly indexesPerCreate: number;
}

/**
 * `bulkWrite` in commands of at most `limits.statementsPerWrite` operations, in order (FerretDB
 * 1.x deadlocks on an update command of about 100 statements).
 * @example await bulkWriteInChunks(db.collection('users'), ops, { ordered: true }, features)
 */
export async function bulkWriteInChunks(coll: Collection, ops: readonly AnyBulkWriteOperation<Document>[], options: BulkWriteOptions, limits: Pick<WriteLimits, 'statementsPerWrite'>): Promise<void> {
  const size = Math.max(1, limits.statementsPerWrite);
  for (let i = 0; i < ops.length; i += size) await coll.bulkWrite(ops.slice(i, i + size), options);
}

/**
 * A `createIndexes` command sent as commands of at most `limits.indexesPerCreate` of its
 * `indexes` (FerretDB 1.x panics when two in one command already exist). An index that exists
 * with the same name and key is still a no-op, as MongoDB makes it.
 * @example await createIndexesInChunks(db, { createIndexes: 'users', indexes: [{ key: { email: 1 }, name: 'users_email_key', unique: true }] }, {}, features)
 */
export async function createIndexesInChunks(db: Db, command: Document, options: CommandOperationOptions, limits: WriteLimits): Promise<void> {
  const indexes = command.indexes as readonly Document[];
  const size = Math.max(1, limits.indexesPerCreate);
  for (let i = 0; i < indexes.length; i += size) await db.command({ ...command, indexes: indexes.slice(i, i + size) }, options);
}
