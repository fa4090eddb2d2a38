import { type CompileContext, type Operation, type OperationCompilers, type Step, UnsupportedOperationError, compileWith } from '@ductape/core';
import type { CompileEnv } from './compile/compile-env.js';
import { refuseConstraint } from './compile/constraints.js';
import { compileCreateCollection } from './compile/create-collection.js';
import { compileCreateIndex } from './compile/create-index.js';
import { compileDropCollection } from './compile/drop-collection.js';
import { compileDropIndex } from './compile/drop-index.js';
import { compileAlterCollectionOptions } from './compile/alter-options.js';
import { compileAddField, compileDropField, compileModifyField, compileRenameField } from './compile/fields.js';
import { refuseKeyChanges } from './compile/key-renames.js';
import { compileRaw } from './compile/raw.js';
import { AWS_FEATURES, type DynamoFeatures } from './dynamo-probe.js';

/** One compiler per core operation (a refusal is one too): core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<CompileEnv> = {
  createCollection: (op, env) => compileCreateCollection(op, env),
  dropCollection: (op, env) => compileDropCollection(op, env),
  addField: (op, env) => compileAddField(op, env),
  dropField: (op, env) => compileDropField(op, env),
  renameCollection: (op) => {
    throw new UnsupportedOperationError('dynamodb', `renameCollection "${op.from}" → "${op.to}"`, 'DynamoDB cannot rename a table; create the new table, copy the items, then drop the old one');
  },
  renameField: (op, env) => compileRenameField(op, env),
  modifyField: (op, env) => compileModifyField(op, env),
  createIndex: (op, env) => compileCreateIndex(op, env),
  dropIndex: (op, env) => compileDropIndex(op, env),
  addConstraint: (op) => refuseConstraint(op),
  dropConstraint: (op) => refuseConstraint(op),
  alterCollectionOptions: (op, env) => compileAlterCollectionOptions(op, env),
  // User-defined types (capability userTypes, absent here: the engine refuses them before IO).
  createType: (op) => {
    throw new UnsupportedOperationError('dynamodb', `${op.type} "${op.name}"`, 'DynamoDB has no user-defined types (maps nest freely)');
  },
  alterType: (op) => {
    throw new UnsupportedOperationError('dynamodb', `${op.type} "${op.name}"`, 'DynamoDB has no user-defined types (maps nest freely)');
  },
  dropType: (op) => {
    throw new UnsupportedOperationError('dynamodb', `${op.type} "${op.name}"`, 'DynamoDB has no user-defined types (maps nest freely)');
  },
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
    const env: CompileEnv = { tableName: (c) => this.tableName(c), migration: ctx.migration, earlier, gsisInCreateTable: this.features.gsisInCreateTable, features: this.features };
    return compileWith(COMPILERS, op, env);
  }
}
