import type { CommandStep } from '@ductape/core';
import type { KeyPatternCheck } from './index-events.js';

/** A plain document, as the driver sends it. */
export type Doc = { readonly [key: string]: unknown };

/** A Mongo step: a command document, or one of the adapter's named multi-command steps. */
export interface MongoCommandStep extends CommandStep {
  /** Logged (once, when the step runs) because the server lacked a feature and the user opted into 'warn'. */
  readonly warning?: string;
  /** Server error codes that mean "already done" for this step (e.g. 27 IndexNotFound on a tolerant drop). */
  readonly ignoreErrorCodes?: readonly number[];
  /**
   * createIndexes that must create every index it names: an index of that name already there
   * fails the step (MongoDB would answer "all indexes already exist" and change nothing, and the
   * down would then drop an index the migration did not create).
   */
  readonly mustCreate?: boolean;
  /**
   * On the first step of a migration that adds indexes to existing collections: the live indexes
   * are read and the migration refused before this step runs when one would repeat a key pattern
   * (see compile/key-pattern-check.ts).
   */
  readonly keyPatternCheck?: KeyPatternCheck;
}

/** Named steps that are not a single server command; execute expands them (see execute/). */
export const StepNames = {
  /** Read the collection's validator, apply a patch, send collMod. */
  patchValidator: 'ductape.patchValidator',
  /** Rename a field in batches along _id, moving the indexes that use it. */
  renameField: 'ductape.renameField',
  /** One update applied in batches along _id. */
  updateInBatches: 'ductape.updateInBatches',
  /** Record (or forget, with validator null) a validator the server cannot hold in _ductape_schema (policy 'warn'). */
  shadowValidator: 'ductape.shadowValidator',
  /** Record unique constraints added or removed (their indexes say unique, not that they are constraints). */
  recordConstraints: 'ductape.recordConstraints',
  /** Rename a field in the columns of the constraints recorded in _ductape_schema (after renameField). */
  renameConstraintColumns: 'ductape.renameConstraintColumns',
  /** Copy a field's values to a backup collection before it is dropped. */
  backupField: 'ductape.backupField',
  /** Put a dropped field's values back from its backup, if one was taken, and drop the backup. */
  restoreField: 'ductape.restoreField',
  /** renameCollection (dropTarget false) and move what _ductape_schema records of the collection. */
  renameCollection: 'ductape.renameCollection',
  /** Rebuild the indexes named after a renamed collection (<from>_pkey, <from>_<field>_key) under its new name. */
  renameImpliedIndexes: 'ductape.renameImpliedIndexes',
} as const;

/**
 * A step that sends `command` as is; its name is the command's name (the first key).
 * @example commandStep({ drop: 'users' }, 'drop users') // { kind: 'command', name: 'drop', args: { drop: 'users' }, … }
 */
export function commandStep(command: Doc, summary: string, extra: Partial<Pick<MongoCommandStep, 'warning' | 'ignoreErrorCodes' | 'mustCreate' | 'effects'>> = {}): MongoCommandStep {
  return { kind: 'command', name: Object.keys(command)[0] ?? '', args: command, summary, ...extra };
}

/**
 * A named step of the adapter (see StepNames).
 * @example namedStep(StepNames.patchValidator, { collection: 'users', patch }, 'collMod users validator')
 */
export function namedStep(name: string, args: Doc, summary: string, extra: Partial<Pick<MongoCommandStep, 'warning' | 'ignoreErrorCodes'>> = {}): MongoCommandStep {
  return { kind: 'command', name, args, summary, ...extra };
}

/**
 * Where dropField keeps a field's values when asked to (backupDroppedFields).
 * @example backupCollectionName('users', 'age') // '_ductape_backup.users.age'
 */
export function backupCollectionName(collection: string, field: string): string {
  return `_ductape_backup.${collection}.${field}`;
}
