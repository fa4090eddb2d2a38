import { type CompileContext, type Operation, type OperationCompilers, type Step, UnsupportedOperationError, compileWith } from '@ductape/core';
import { compileAlterTableOptions } from './compile/alter-table-options.js';
import type { CompileSettings } from './compile/compile-settings.js';
import { compileCreateCollection } from './compile/create-collection.js';
import { compileCreateIndex, compileDropIndex } from './compile/create-index.js';
import { compileAddField, compileDropCollection, compileDropField } from './compile/fields.js';
import { compileModifyField } from './compile/modify-field.js';
import { compileRaw } from './compile/raw.js';
import { refuse } from './compile/refuse.js';
import { compileRenameField } from './compile/rename-field.js';
import type { CassandraStatementStep } from './compile/step.js';
import { compileAlterType, compileCreateType, compileDropType } from './compile/user-type.js';

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
export function compileCassandra(op: Operation, ctx: CompileContext, settings: CompileSettings): Step[] {
  const origin = { migration: ctx.migration.name, path: `${ctx.direction}[${ctx.index}]` };
  // Steps that change tables, columns or indexes say which op they come from, for preflight's message.
  return compileOp(op, ctx, settings).map((s) => ((s as CassandraStatementStep).effect ? { ...s, origin } : s));
}

interface CassandraCompileInput {
  readonly ctx: CompileContext;
  readonly settings: CompileSettings;
}

const NO_CONSTRAINTS = 'Cassandra has no foreign key, check or unique constraints, and its primary key is fixed when the table is created';

/** One compiler per core operation (a refusal is one too): core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<CassandraCompileInput> = {
  createCollection: (op, { settings }) => compileCreateCollection(op, settings),
  dropCollection: (op, { settings }) => compileDropCollection(op, settings),
  addField: (op, { ctx, settings }) => compileAddField(op, settings, ctx),
  dropField: (op, { ctx, settings }) => compileDropField(op, ctx, settings),
  renameCollection: (op) => {
    throw new UnsupportedOperationError('cassandra', `renameCollection "${op.from}" → "${op.to}"`, 'Cassandra cannot rename a table; create the new table, copy the rows, then drop the old one');
  },
  renameField: (op, { ctx, settings }) => compileRenameField(op, ctx, settings),
  modifyField: (op, { ctx }) => compileModifyField(op, ctx),
  createIndex: (op, { ctx, settings }) => compileCreateIndex(op, settings, ctx),
  dropIndex: (op, { settings }) => compileDropIndex(op, settings),
  addConstraint: (op) => refuse(`${op.type} on "${op.collection}"`, NO_CONSTRAINTS),
  dropConstraint: (op) => refuse(`${op.type} on "${op.collection}"`, NO_CONSTRAINTS),
  alterCollectionOptions: (op, { ctx, settings }) => compileAlterTableOptions(op, ctx, settings),
  createType: (op, { settings }) => compileCreateType(op, settings),
  alterType: (op, { settings }) => compileAlterType(op, settings),
  dropType: (op, { settings }) => compileDropType(op, settings),
  raw: (op) => {
    if (!CASSANDRA_RAW_DIALECTS.includes(op.dialect)) refuse(`a raw "${op.dialect}" operation`, 'it runs raw operations for cassandra');
    return compileRaw(op);
  },
};

function compileOp(op: Operation, ctx: CompileContext, settings: CompileSettings): Step[] {
  return compileWith(COMPILERS, op, { ctx, settings });
}
