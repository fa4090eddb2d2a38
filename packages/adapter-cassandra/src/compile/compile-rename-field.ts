import type { CompileContext, RenameFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableBefore } from './table-state.js';

/**
 * renameField → ALTER TABLE … RENAME, which Cassandra allows for primary key columns only. Whether
 * the column is a key column comes from the table defined earlier in this migration, or from the
 * op's `previous` definition (db.schema.renameField introspects it); without either it cannot be
 * told before IO, so the rename is refused with that advice.
 * @example compileRenameField({ type: 'renameField', collection: 'events', from: 'ts', to: 'at' }, ctx, { keyspace: 'app' })
 * // [ALTER TABLE "app"."events" RENAME "ts" TO "at"]
 */
export function compileRenameField(op: RenameFieldOp, ctx: CompileContext, settings: CassandraCompileSettings): Step[] {
  const where = `${op.collection}.${op.from}`;
  const known = tableBefore(ctx, op.collection);
  const isKey = known ? known.key.includes(op.from) : op.previous?.primaryKey;
  if (isKey === undefined) {
    refuse(`renaming "${where}"`, "Cassandra renames primary key columns only, and this op does not say whether it is one; pass the field's previous definition (db.schema.renameField does)");
  }
  if (!isKey) {
    refuse(`renaming "${where}"`, 'Cassandra renames primary key columns only; add a new column, copy the data, then drop the old one');
  }
  const text = `ALTER TABLE ${qualify(settings.keyspace, op.collection)} RENAME ${quoteIdent(op.from)} TO ${quoteIdent(op.to)}`;
  return [ddl(text, `rename column ${where} to ${op.to}`, undefined, { kind: 'renameColumn', table: op.collection, from: op.from, to: op.to })];
}
