import { type ConstraintDefinition, DuctapeError, ErrorCodes, type Step, UnsupportedOperationError } from '@ductape/core';
import { type ClientSession, type Db, MongoServerError } from 'mongodb';
import { type Doc, type MongoCommandStep, StepNames } from '../compile/step.js';
import type { ValidatorPatch } from '../compile/validator-patch.js';
import { checkKeyPatterns } from './check-key-patterns.js';
import { missingCollection } from './missing-collection.js';
import { backupField, restoreField } from './field-backup.js';
import { patchValidator } from './patch-validator.js';
import { renameCollection, renameImpliedIndexes } from './rename-collection.js';
import { renameField } from './rename-field.js';
import { updateInBatches } from './update-in-batches.js';
import { type WriteLimits, createIndexesInChunks } from './write-chunks.js';
import { recordConstraints, renameConstraintColumns, writeShadow } from '../shadow-schema.js';

/** Where warnings of 'warn'-policy steps go. */
export interface MongoLogger {
  warn(message: string): void;
}

/**
 * Runs one compiled step: a command document with `db.command`, or a named step of the adapter,
 * within the server's write limits (FerretDB's, see ServerFeatures).
 * @example await runStep(db, step, session, console, MONGODB_FEATURES)
 */
export async function runStep(db: Db, step: Step, session: ClientSession | undefined, logger: MongoLogger, limits: WriteLimits): Promise<void> {
  if (step.kind === 'noop') return;
  if (step.kind !== 'command') throw new UnsupportedOperationError('mongo', `a ${step.kind} step`, 'the mongo adapter runs command steps only');
  const s = step as MongoCommandStep;
  if (s.keyPatternCheck) await checkKeyPatterns(db, s.keyPatternCheck, session);
  if (s.warning) logger.warn(`[ductape mongo] ${s.warning}`);
  const a = s.args as Doc & { collection: string };
  switch (s.name) {
    case StepNames.shadowValidator: {
      const { collection, validator, ...levels } = a as Doc & { collection: string; validator: Doc | null };
      return writeShadow(db, collection, validator ? { validator, ...levels } : undefined, session);
    }
    case StepNames.backupField:
      return backupField(db, a.collection, String(a.field), String(a.backup), Number(a.batchSize), limits, session);
    case StepNames.restoreField:
      return restoreField(db, a.collection, String(a.field), String(a.backup), Number(a.batchSize), limits, session);
    case StepNames.recordConstraints:
      return recordConstraints(db, a.collection, a as { add?: ConstraintDefinition[]; remove?: string[] }, session);
    case StepNames.renameConstraintColumns:
      return renameConstraintColumns(db, a.collection, String(a.from), String(a.to), session);
    case StepNames.patchValidator:
      await patchValidator(db, a.collection, a.patch as ValidatorPatch, a.shadow === true, session);
      return;
    case StepNames.renameCollection:
      return renameCollection(db, String(a.from), String(a.to), session);
    case StepNames.renameImpliedIndexes:
      return renameImpliedIndexes(db, String(a.from), String(a.to), limits, session);
    case StepNames.renameField:
      return renameField(db, a.collection, String(a.from), String(a.to), Number(a.batchSize), limits, session);
    case StepNames.updateInBatches:
      await updateInBatches(db, a.collection, a.filter as Doc, a.update as Doc, Number(a.batchSize), session);
      return;
    default:
      // createIndexes on a missing collection would create it (MongoDB does so implicitly), and a
      // failing index spec would then leave that new collection behind.
      if (typeof a.createIndexes === 'string' && (await db.listCollections({ name: a.createIndexes }, session ? { session } : {}).toArray()).length === 0) {
        throw missingCollection(a.createIndexes, 'create the collection in an earlier operation (createCollection), or check its name');
      }
      if (s.mustCreate && typeof a.createIndexes === 'string') await refuseExistingIndexes(db, a.createIndexes, a.indexes as Doc[], session);
      try {
        const command = structuredClone(s.args) as Doc;
        if (typeof command.createIndexes === 'string' && Array.isArray(command.indexes)) await createIndexesInChunks(db, command, session ? { session } : {}, limits);
        else await db.command(command, session ? { session } : {});
      } catch (error) {
        if (error instanceof MongoServerError && s.ignoreErrorCodes?.includes(Number(error.code))) return;
        throw error;
      }
  }
}

// An index of the same name already there: MongoDB would change nothing and say "all indexes
// already exist"; this step did not create it, so it fails rather than adopt it (issue 16, defect 3).
async function refuseExistingIndexes(db: Db, collection: string, indexes: readonly Doc[], session: ClientSession | undefined): Promise<void> {
  const present = new Set(
    (
      await db
        .collection(collection)
        .listIndexes(session ? { session } : {})
        .toArray()
    ).map((i) => String(i.name)),
  );
  const taken = indexes.map((i) => String(i.name)).filter((n) => present.has(n));
  if (taken.length > 0)
    throw new DuctapeError(
      ErrorCodes.alreadyExists,
      `collection "${collection}" already has an index named ${taken.map((n) => `"${n}"`).join(', ')}; this migration did not create it, so it neither adopts it nor would its down drop it`,
      'drop or rename that index, or remove the operation',
    );
}
