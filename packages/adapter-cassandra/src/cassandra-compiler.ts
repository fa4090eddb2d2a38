import { UnsupportedOperationError, assertNever, type CompileContext, type Operation, type Step } from '@ductape/core';
import type { CompileSettings } from './compile/compile-settings.js';
import { compileCreateCollection } from './compile/create-collection.js';
import { compileCreateIndex, compileDropIndex } from './compile/create-index.js';
import { compileAddField, compileDropCollection, compileDropField } from './compile/fields.js';
import { compileModifyField } from './compile/modify-field.js';
import { compileRaw } from './compile/raw.js';
import { refuse } from './compile/refuse.js';
import { compileRenameField } from './compile/rename-field.js';
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
export function compileCassandra(op: Operation, ctx: CompileContext, settings: CompileSettings): Step[] {
  const origin = { migration: ctx.migration.name, path: `${ctx.direction}[${ctx.index}]` };
  // Steps that change tables, columns or indexes say which op they come from, for preflight's message.
  return compileOp(op, ctx, settings).map((s) => ((s as CassandraStatementStep).effect ? { ...s, origin } : s));
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
      return compileDropField(op, ctx, settings);
    case 'renameCollection':
      throw new UnsupportedOperationError('cassandra', `renameCollection "${op.from}" → "${op.to}"`, 'Cassandra cannot rename a table; create the new table, copy the rows, then drop the old one');
    case 'renameField':
      return compileRenameField(op, ctx, settings);
    case 'modifyField':
      return compileModifyField(op, ctx);
    case 'createIndex':
      return compileCreateIndex(op, settings, ctx);
    case 'dropIndex':
      return compileDropIndex(op, settings);
    case 'addConstraint':
    case 'dropConstraint':
      return refuse(`${op.type} on "${op.collection}"`, 'Cassandra has no foreign key, check or unique constraints, and its primary key is fixed when the table is created');
    case 'raw':
      if (!CASSANDRA_RAW_DIALECTS.includes(op.dialect)) refuse(`a raw "${op.dialect}" operation`, 'it runs raw operations for cassandra');
      return compileRaw(op);
    default:
      return assertNever(op);
  }
}
