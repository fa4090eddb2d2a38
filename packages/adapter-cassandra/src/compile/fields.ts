import type { AddFieldOp, CompileContext, DropCollectionOp, DropFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CompileSettings } from './compile-settings.js';
import { checkField } from './field-rules.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableBefore } from './table-state.js';

/**
 * addField → ALTER TABLE … ADD. Key columns are fixed when a table is created.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } }, { keyspace: 'app' })
 * // [ALTER TABLE "app"."users" ADD "phone" text]
 */
export function compileAddField(op: AddFieldOp, settings: CompileSettings): Step[] {
  const where = `${op.collection}.${op.field.name}`;
  if (op.field.primaryKey === true) refuse(`adding key column "${where}"`, 'the primary key of a Cassandra table is fixed when it is created');
  checkField(op.field, op.collection);
  const type = columnType(op.field, where);
  const text = `ALTER TABLE ${qualify(settings.keyspace, op.collection)} ADD ${quoteIdent(op.field.name)} ${type}`;
  return [ddl(text, `add column ${where}`, undefined, { kind: 'addColumn', table: op.collection, column: { name: op.field.name, type } })];
}

/**
 * dropField → ALTER TABLE … DROP. A key column (known from this migration or `previous`) is refused.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'legacy' }, ctx, { keyspace: 'app' })
 */
export function compileDropField(op: DropFieldOp, ctx: CompileContext, settings: CompileSettings): Step[] {
  const where = `${op.collection}.${op.field}`;
  const known = tableBefore(ctx, op.collection);
  if (op.previous?.primaryKey === true || known?.key.includes(op.field)) refuse(`dropping key column "${where}"`, 'Cassandra cannot drop primary key columns');
  return [
    ddl(`ALTER TABLE ${qualify(settings.keyspace, op.collection)} DROP ${quoteIdent(op.field)}`, `drop column ${where}`, undefined, { kind: 'dropColumn', table: op.collection, column: op.field }),
  ];
}

/**
 * dropCollection → DROP TABLE (its indexes go with it).
 * @example compileDropCollection({ type: 'dropCollection', name: 'users' }, { keyspace: 'app' })
 */
export function compileDropCollection(op: DropCollectionOp, settings: CompileSettings): Step[] {
  return [ddl(`DROP TABLE ${qualify(settings.keyspace, op.name)}`, `drop table ${op.name}`, undefined, { kind: 'dropTable', table: op.name })];
}
