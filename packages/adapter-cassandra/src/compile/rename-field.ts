import type { CompileContext, RenameFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { CompileSettings } from './compile-settings.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableBefore } from './table-state.js';

/**
 * renameField → ALTER TABLE … RENAME, which Cassandra allows for primary key columns only. When
 * the table is defined in this migration, a regular column is refused before any IO; for a table
 * created earlier Cassandra itself refuses the statement (atomically, nothing changes).
 * @example compileRenameField({ type: 'renameField', collection: 'events', from: 'ts', to: 'at' }, ctx, { keyspace: 'app' })
 * // [ALTER TABLE "app"."events" RENAME "ts" TO "at"]
 */
export function compileRenameField(op: RenameFieldOp, ctx: CompileContext, settings: CompileSettings): Step[] {
  const where = `${op.collection}.${op.from}`;
  const known = tableBefore(ctx, op.collection);
  if (known && !known.key.includes(op.from)) {
    refuse(`renaming "${where}"`, 'Cassandra renames primary key columns only; add a new column, copy the data, then drop the old one');
  }
  const text = `ALTER TABLE ${qualify(settings.keyspace, op.collection)} RENAME ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`;
  return [ddl(text, `rename column ${where} to ${op.to}`)];
}
