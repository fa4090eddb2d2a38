import { type CompileContext, type Operation, type OperationCompilers, type Step, compileWith } from '@ductape/core';
import { compileAddConstraint } from './compile/compile-add-constraint.js';
import { compileAddField } from './compile/compile-add-field.js';
import { compileAlterCollectionOptions } from './compile/compile-alter-collection-options.js';
import { compileAlterType } from './compile/compile-alter-type.js';
import { compileCreateCollection } from './compile/compile-create-collection.js';
import { compileCreateIndex } from './compile/compile-create-index.js';
import { compileCreateType } from './compile/compile-create-type.js';
import { compileDropCollection } from './compile/compile-drop-collection.js';
import { compileDropConstraint } from './compile/compile-drop-constraint.js';
import { compileDropField } from './compile/compile-drop-field.js';
import { compileDropIndex } from './compile/compile-drop-index.js';
import { compileDropType } from './compile/compile-drop-type.js';
import { compileModifyField } from './compile/compile-modify-field.js';
import { compileRaw } from './compile/compile-raw.js';
import { compileRenameCollection } from './compile/compile-rename-collection.js';
import { compileRenameField } from './compile/compile-rename-field.js';
import { refuse } from './compile/refuse.js';
import type { CassandraCompileSettings } from './cassandra-compile-settings.js';
import type { CassandraStatementStep } from './compile/step.js';

/** Raw dialect names the Cassandra adapter runs. */
export const CASSANDRA_RAW_DIALECTS: readonly string[] = ['cassandra'];

/**
 * Compiles one operation to CQL steps. Pure: no IO, the same input gives the same steps (the
 * engine recompiles to resume at step k). Refuses what Cassandra cannot do before any IO.
 * @example
 * compileCassandra(
 *   { type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } },
 *   { migration: m, direction: 'up', index: 0, options: {} },
 *   { keyspace: 'app' },
 * ).map((s) => s.kind === 'statement' && s.text)
 * // ['ALTER TABLE "app"."users" ADD "phone" text']
 */
export function compileCassandra(op: Operation, ctx: CompileContext, settings: CassandraCompileSettings): Step[] {
  const origin = { migration: ctx.migration.name, path: `${ctx.direction}[${ctx.index}]` };
  // Steps that change tables, columns or indexes say which op they come from, for preflight's message.
  return compileOp(op, ctx, settings).map((s) => ((s as CassandraStatementStep).effect ? { ...s, origin } : s));
}

interface CassandraCompileInput {
  readonly ctx: CompileContext;
  readonly settings: CassandraCompileSettings;
}

/** One compiler per core operation (a refusal is one too): core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<CassandraCompileInput> = {
  createCollection: (op, { settings }) => compileCreateCollection(op, settings),
  dropCollection: (op, { settings }) => compileDropCollection(op, settings),
  addField: (op, { ctx, settings }) => compileAddField(op, settings, ctx),
  dropField: (op, { ctx, settings }) => compileDropField(op, ctx, settings),
  renameCollection: (op) => compileRenameCollection(op),
  renameField: (op, { ctx, settings }) => compileRenameField(op, ctx, settings),
  modifyField: (op, { ctx }) => compileModifyField(op, ctx),
  createIndex: (op, { ctx, settings }) => compileCreateIndex(op, settings, ctx),
  dropIndex: (op, { settings }) => compileDropIndex(op, settings),
  addConstraint: (op) => compileAddConstraint(op),
  dropConstraint: (op) => compileDropConstraint(op),
  alterCollectionOptions: (op, { ctx, settings }) => compileAlterCollectionOptions(op, ctx, settings),
  createType: (op, { settings }) => compileCreateType(op, settings),
  alterType: (op, { settings }) => compileAlterType(op, settings),
  dropType: (op, { settings }) => compileDropType(op, settings),
  raw: (op) => {
    if (!CASSANDRA_RAW_DIALECTS.includes(op.dialect)) refuse(`a raw "${op.dialect}" operation`, 'it runs raw operations for cassandra');
    return compileRaw(op);
  },
};

function compileOp(op: Operation, ctx: CompileContext, settings: CassandraCompileSettings): Step[] {
  return compileWith(COMPILERS, op, { ctx, settings });
}
