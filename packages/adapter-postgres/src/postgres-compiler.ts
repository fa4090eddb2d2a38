import { type CompileContext, type Operation, type OperationCompilers, type Step, UnsupportedOperationError, compileWith } from '@ductape/core';
import { compileAddConstraint } from './compile/compile-add-constraint.js';
import { compileAlterCollectionOptions } from './compile/compile-alter-collection-options.js';
import { compileAlterType } from './compile/compile-alter-type.js';
import { compileAddField } from './compile/compile-add-field.js';
import { compileCreateCollection } from './compile/compile-create-collection.js';
import { compileCreateType } from './compile/compile-create-type.js';
import { compileCreateIndex } from './compile/compile-create-index.js';
import { compileDropCollection } from './compile/compile-drop-collection.js';
import { compileDropConstraint } from './compile/compile-drop-constraint.js';
import { compileDropType } from './compile/compile-drop-type.js';
import { compileDropField } from './compile/compile-drop-field.js';
import { compileDropIndex } from './compile/compile-drop-index.js';
import { compileModifyField } from './compile/compile-modify-field.js';
import { compileRaw } from './compile/compile-raw.js';
import { compileRenameCollection } from './compile/compile-rename-collection.js';
import { compileRenameField } from './compile/compile-rename-field.js';
import { type PostgresCompileSettings, resolveSettings } from './postgres-compile-settings.js';
import type { PostgresStatementStep } from './compile/step.js';

/** Raw dialect names the PostgreSQL adapter runs. */
export const POSTGRES_RAW_DIALECTS: readonly string[] = ['postgresql'];

/**
 * Compiles one operation to PostgreSQL steps. Pure: no IO, same input gives the same steps.
 * `base` holds the adapter's settings (schema, online, lockTimeoutMs); `ctx.options` may
 * override `online` and `lockTimeoutMs` per run.
 * @example
 * compilePostgres(
 *   { type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } },
 *   { migration: m, direction: 'up', index: 0, options: {} },
 * ).map((s) => s.kind === 'statement' && s.text)
 * // ['ALTER TABLE "public"."users" ADD COLUMN "phone" varchar(20)']
 */
export function compilePostgres(op: Operation, ctx: CompileContext, base: Partial<PostgresCompileSettings> = {}): Step[] {
  const origin = { migration: ctx.migration.name, path: `${ctx.direction}[${ctx.index}]` };
  // Steps that create, free or rename relation names say which op they come from, for preflight's message.
  return compileOp(op, ctx, resolveSettings(base, ctx.options)).map((s) => ((s as PostgresStatementStep).relations ? { ...s, origin } : s));
}

interface PostgresCompileInput {
  readonly ctx: CompileContext;
  readonly settings: PostgresCompileSettings;
}

/** One compiler per core operation (compile/compile-<op>.ts): core's `OperationCompilers` makes a missing one a type error. */
const COMPILERS: OperationCompilers<PostgresCompileInput> = {
  createCollection: (op, { settings }) => compileCreateCollection(op, settings),
  dropCollection: (op, { ctx, settings }) => compileDropCollection(op, ctx, settings),
  addField: (op, { settings }) => compileAddField(op, settings),
  dropField: (op, { ctx, settings }) => compileDropField(op, ctx, settings),
  renameCollection: (op, { settings }) => compileRenameCollection(op, settings),
  renameField: (op, { settings }) => compileRenameField(op, settings),
  modifyField: (op, { ctx, settings }) => compileModifyField(op, ctx, settings),
  createIndex: (op, { ctx, settings }) => compileCreateIndex(op, ctx, settings),
  dropIndex: (op, { ctx, settings }) => compileDropIndex(op, ctx, settings),
  addConstraint: (op, { ctx, settings }) => compileAddConstraint(op, ctx, settings),
  dropConstraint: (op, { settings }) => compileDropConstraint(op, settings),
  alterCollectionOptions: (op) => compileAlterCollectionOptions(op),
  createType: (op) => compileCreateType(op),
  alterType: (op) => compileAlterType(op),
  dropType: (op) => compileDropType(op),
  raw: (op) => {
    if (!POSTGRES_RAW_DIALECTS.includes(op.dialect)) throw new UnsupportedOperationError('postgres', `a raw "${op.dialect}" operation`, 'it runs raw operations for postgresql');
    return compileRaw(op);
  },
};

function compileOp(op: Operation, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  return compileWith(COMPILERS, op, { ctx, settings });
}
