import { type CompileContext, type Operation, type OperationCompilers, type Step, compileWith } from '@ductape/core';
import type { DynamoCompileSettings } from './dynamo-compile-settings.js';
import { compileAddConstraint } from './compile/compile-add-constraint.js';
import { compileAddField } from './compile/compile-add-field.js';
import { compileAlterType } from './compile/compile-alter-type.js';
import { compileCreateType } from './compile/compile-create-type.js';
import { compileDropConstraint } from './compile/compile-drop-constraint.js';
import { compileDropField } from './compile/compile-drop-field.js';
import { compileDropType } from './compile/compile-drop-type.js';
import { compileModifyField } from './compile/compile-modify-field.js';
import { compileRenameCollection } from './compile/compile-rename-collection.js';
import { compileRenameField } from './compile/compile-rename-field.js';
import { compileCreateCollection } from './compile/compile-create-collection.js';
import { compileCreateIndex } from './compile/compile-create-index.js';
import { compileDropCollection } from './compile/compile-drop-collection.js';
import { compileDropIndex } from './compile/compile-drop-index.js';
import { compileAlterCollectionOptions } from './compile/compile-alter-collection-options.js';
import { refuseKeyChanges } from './compile/key-renames.js';
import { compileRaw } from './compile/compile-raw.js';
import { AWS_FEATURES, type DynamoFeatures } from './dynamo-probe.js';

/** One compiler per core operation (a refusal is one too): core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<DynamoCompileSettings> = {
  createCollection: (op, env) => compileCreateCollection(op, env),
  dropCollection: (op, env) => compileDropCollection(op, env),
  addField: (op, env) => compileAddField(op, env),
  dropField: (op, env) => compileDropField(op, env),
  renameCollection: (op) => compileRenameCollection(op),
  renameField: (op, env) => compileRenameField(op, env),
  modifyField: (op, env) => compileModifyField(op, env),
  createIndex: (op, env) => compileCreateIndex(op, env),
  dropIndex: (op, env) => compileDropIndex(op, env),
  addConstraint: (op) => compileAddConstraint(op),
  dropConstraint: (op) => compileDropConstraint(op),
  alterCollectionOptions: (op, env) => compileAlterCollectionOptions(op, env),
  createType: (op) => compileCreateType(op),
  alterType: (op) => compileAlterType(op),
  dropType: (op) => compileDropType(op),
  raw: (op) => compileRaw(op),
};

/**
 * Operation → DynamoDB command steps. Pure and deterministic: the same op, context and prefix
 * always give the same steps (the engine recompiles to resume at step k).
 * @example new DynamoCompiler('').compile({ type: 'dropCollection', name: 'users' }, ctx)[0].name // 'DeleteTable'
 */
export class DynamoCompiler {
  /** Set by the adapter at connect from the endpoint's probe; fixed for the connection, so recompiling to resume gives the same steps. */
  features: DynamoFeatures;

  constructor(
    private readonly tablePrefix: string,
    features: DynamoFeatures = AWS_FEATURES,
  ) {
    this.features = features;
  }

  /** The DynamoDB table name of a collection. */
  tableName(collection: string): string {
    return `${this.tablePrefix}${collection}`;
  }

  compile(op: Operation, ctx: CompileContext): Step[] {
    const steps = this.#compileOp(op, ctx);
    // A rename or drop of a key attribute created earlier in this migration (a GSI by createIndex
    // or raw UpdateTable, a table's keys and LSIs) is refused here, without IO; the live table's
    // keys are checked by the adapter's preflight.
    if (op.type === 'renameField' || op.type === 'dropField') refuseKeyChanges([...this.#earlierSteps(ctx), ...steps], () => []);
    return steps;
  }

  /** The steps of the ops before `ctx.index` in the same direction (an op that does not compile adds none: the engine refuses it there). */
  #earlierSteps(ctx: CompileContext): Step[] {
    const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
    return ops.slice(0, ctx.index).flatMap((op, index) => {
      try {
        return this.#compileOp(op, { ...ctx, index });
      } catch {
        return [];
      }
    });
  }

  #compileOp(op: Operation, ctx: CompileContext): Step[] {
    const earlier = (ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down).slice(0, ctx.index);
    const env: DynamoCompileSettings = { tableName: (c) => this.tableName(c), migration: ctx.migration, earlier, gsisInCreateTable: this.features.gsisInCreateTable, features: this.features };
    return compileWith(COMPILERS, op, env);
  }
}
