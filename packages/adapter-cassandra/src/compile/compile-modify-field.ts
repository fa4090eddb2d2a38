import { type CompileContext, type FieldDefinition, type ModifyFieldOp, type Step, applyChanges } from '@ductape/core';
import { columnType } from './column-type.js';
import { normalCqlType } from './native-type.js';
import { refuse } from './refuse.js';
import { noop } from './step.js';
import { tableBefore } from './table-state.js';

const DECLARED_ONLY = 'Cassandra stores no length, precision, NOT NULL, default or enum values; the change is recorded in history only';

/**
 * modifyField → no DDL. Cassandra has not altered column types since 3.0.11, so a change that
 * changes the CQL type (integer → bigint) is refused before any IO; one that keeps it
 * (string → text, datetime → timestamp, a new length, default or enum values) is a no-op step.
 * @example compileModifyField({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 } }, ctx)
 * // [noop: Cassandra text has no length …]
 */
export function compileModifyField(op: ModifyFieldOp, ctx: CompileContext): Step[] {
  const where = `${op.collection}.${op.field}`;
  const c = op.changes;
  if (c.primaryKey !== undefined) refuse(`changing the key of "${where}"`, 'the primary key of a Cassandra table is fixed when it is created');
  if (c.unique === true) refuse(`making "${where}" unique`, 'Cassandra has no unique constraints besides the primary key');
  if (c.autoIncrement === true) refuse(`auto-increment on "${where}"`, 'Cassandra has no sequences');
  if (c.static !== undefined) {
    const before = op.previous ?? tableBefore(ctx, op.collection)?.fields.find((f) => f.name === op.field);
    if (!before || (before.static === true) !== (c.static === true)) {
      refuse(`making "${where}" ${c.static === true ? 'static' : 'not static'}`, 'Cassandra cannot change whether a column is static; add a new column, copy the data, then drop the old one');
    }
  }
  if (c.type !== undefined || c.itemType !== undefined || c.native !== undefined) {
    const before: FieldDefinition | undefined = op.previous ?? tableBefore(ctx, op.collection)?.fields.find((f) => f.name === op.field);
    if (!before) refuse(`changing the type of "${where}"`, 'Cassandra cannot alter column types; the previous definition is needed to tell whether the CQL type stays the same');
    const from = columnType(before, where);
    const to = columnType(applyChanges(before, c), where);
    if (normalCqlType(from) !== normalCqlType(to))
      refuse(`changing "${where}" from ${from} to ${to}`, 'Cassandra no longer alters column types (since 3.0.11); add a new column, copy the data, then drop the old one');
  }
  return [noop(`modify column ${where}`, DECLARED_ONLY)];
}
