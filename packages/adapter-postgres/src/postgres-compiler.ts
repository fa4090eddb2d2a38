import { UnsupportedOperationError, assertNever, type CompileContext, type Operation, type Step } from '@ductape/core';
import { compileAddConstraint } from './compile/compile-add-constraint.js';
import { compileAddField } from './compile/compile-add-field.js';
import { compileCreateCollection } from './compile/compile-create-collection.js';
import { compileCreateIndex } from './compile/compile-create-index.js';
import { compileDropCollection } from './compile/compile-drop-collection.js';
import { compileDropConstraint } from './compile/compile-drop-constraint.js';
import { compileDropField } from './compile/compile-drop-field.js';
import { compileDropIndex } from './compile/compile-drop-index.js';
import { compileModifyField } from './compile/compile-modify-field.js';
import { compileRaw } from './compile/compile-raw.js';
import { compileRenameCollection } from './compile/compile-rename-collection.js';
import { compileRenameField } from './compile/compile-rename-field.js';
import { type CompileSettings, resolveSettings } from './compile/compile-settings.js';
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
export function compilePostgres(op: Operation, ctx: CompileContext, base: Partial<CompileSettings> = {}): Step[] {
  const origin = { migration: ctx.migration.name, path: `${ctx.direction}[${ctx.index}]` };
  // Steps that create, free or rename relation names say which op they come from, for preflight's message.
  return compileOp(op, ctx, resolveSettings(base, ctx.options)).map((s) => ((s as PostgresStatementStep).relations ? { ...s, origin } : s));
}

function compileOp(op: Operation, ctx: CompileContext, settings: CompileSettings): Step[] {
  switch (op.type) {
    case 'createCollection':
      return compileCreateCollection(op, settings);
    case 'dropCollection':
      return compileDropCollection(op, settings);
    case 'addField':
      return compileAddField(op, settings);
    case 'dropField':
      return compileDropField(op, settings);
    case 'renameCollection':
      return compileRenameCollection(op, settings);
    case 'renameField':
      return compileRenameField(op, settings);
    case 'modifyField':
      return compileModifyField(op, ctx, settings);
    case 'createIndex':
      return compileCreateIndex(op, ctx, settings);
    case 'dropIndex':
      return compileDropIndex(op, ctx, settings);
    case 'addConstraint':
      return compileAddConstraint(op, ctx, settings);
    case 'dropConstraint':
      return compileDropConstraint(op, settings);
    case 'raw':
      if (!POSTGRES_RAW_DIALECTS.includes(op.dialect)) throw new UnsupportedOperationError('postgres', `a raw "${op.dialect}" operation`, 'it runs raw operations for postgresql');
      return compileRaw(op);
    default:
      return assertNever(op);
  }
}
