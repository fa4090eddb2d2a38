import { type CompileContext, type Operation, type OperationCompilers, type Step, compileWith } from '@ductape/core';
import { compileAddField } from './compile/compile-add-field.js';
import { compileCreateCollection } from './compile/compile-create-collection.js';
import { compileDropField } from './compile/compile-drop-field.js';
import { compileAddConstraint } from './compile/compile-add-constraint.js';
import { compileAlterCollectionOptions } from './compile/compile-alter-collection-options.js';
import { compileAlterType } from './compile/compile-alter-type.js';
import { compileCreateIndex } from './compile/compile-create-index.js';
import { compileCreateType } from './compile/compile-create-type.js';
import { compileDropCollection } from './compile/compile-drop-collection.js';
import { compileDropConstraint } from './compile/compile-drop-constraint.js';
import { compileDropIndex } from './compile/compile-drop-index.js';
import { compileDropType } from './compile/compile-drop-type.js';
import { compileRenameCollection } from './compile/compile-rename-collection.js';
import { compileModifyField } from './compile/compile-modify-field.js';
import { compileRaw } from './compile/compile-raw.js';
import { compileRenameField } from './compile/compile-rename-field.js';
import { assertNoRepeatedKeyPattern, withLiveKeyPatternCheck } from './compile/key-pattern-check.js';
import { assertMongoNames } from './compile/mongo-names.js';
import { DEFAULT_SETTINGS, type MongoCompileSettings } from './mongo-compile-settings.js';

/**
 * Compiles one operation to MongoDB steps: command documents (`create`, `createIndexes`,
 * `dropIndexes`, `drop`, `update`, raw commands) and the adapter's named steps
 * (`ductape.patchValidator`, `ductape.renameField`, `ductape.updateInBatches`). Pure and
 * deterministic: the same op, context and settings give the same steps.
 * @example
 * compileMongo({ type: 'dropCollection', name: 'old_table' }, { migration: m, direction: 'up', index: 0, options: {} })
 * // [{ kind: 'command', name: 'drop', args: { drop: 'old_table' }, summary: 'drop old_table' }]
 */
export function compileMongo(op: Operation, ctx: CompileContext, settings: MongoCompileSettings = DEFAULT_SETTINGS): Step[] {
  // One index per key pattern (finding 15): a repeat within the migration is refused here, one
  // of a live index by the migration's first step before it changes anything.
  assertNoRepeatedKeyPattern(op, ctx);
  const alone = (o: Operation, c: CompileContext) => compileOp(o, c, settings);
  return withLiveKeyPatternCheck(op, ctx, alone(op, ctx), alone);
}

interface MongoCompileInput {
  readonly ctx: CompileContext;
  readonly settings: MongoCompileSettings;
}

/** One compiler per core operation: core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<MongoCompileInput> = {
  createCollection: (op, { settings }) => compileCreateCollection(op, settings),
  dropCollection: (op) => compileDropCollection(op),
  addField: (op, { ctx, settings }) => compileAddField(op, ctx, settings),
  dropField: (op, { settings }) => compileDropField(op, settings),
  renameCollection: (op) => compileRenameCollection(op),
  renameField: (op, { settings }) => compileRenameField(op, settings),
  modifyField: (op, { settings }) => compileModifyField(op, settings),
  createIndex: (op, { settings }) => compileCreateIndex(op, settings),
  dropIndex: (op) => compileDropIndex(op),
  addConstraint: (op) => compileAddConstraint(op),
  dropConstraint: (op) => compileDropConstraint(op),
  alterCollectionOptions: (op, { settings }) => compileAlterCollectionOptions(op, settings),
  createType: (op) => compileCreateType(op),
  alterType: (op) => compileAlterType(op),
  dropType: (op) => compileDropType(op),
  raw: (op) => compileRaw(op),
};

function compileOp(op: Operation, ctx: CompileContext, settings: MongoCompileSettings): Step[] {
  const s = withRunOptions(settings, ctx.options);
  if (op.type !== 'raw') assertMongoNames(op);
  return compileWith(COMPILERS, op, { ctx, settings: s });
}

// A run may override the batch size, the default backfill and the backup of dropped fields (engine compileOptions).
function withRunOptions(s: MongoCompileSettings, o: { readonly [key: string]: unknown }): MongoCompileSettings {
  const batchSize = typeof o.batchSize === 'number' && Number.isInteger(o.batchSize) && o.batchSize > 0 ? o.batchSize : s.batchSize;
  const flag = (key: 'backfillDefaults' | 'backupDroppedFields') => (typeof o[key] === 'boolean' ? (o[key] as boolean) : s[key]);
  return { ...s, batchSize, backfillDefaults: flag('backfillDefaults'), backupDroppedFields: flag('backupDroppedFields') };
}
