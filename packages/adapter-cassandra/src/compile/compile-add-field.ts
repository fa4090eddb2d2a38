import type { AddFieldOp, CompileContext, FieldDefinition, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { checkCounterField, checkCounterTable } from './counter-rules.js';
import { checkStatic } from './compile-create-collection.js';
import { checkField } from './field-rules.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableBefore } from './table-state.js';

/**
 * addField → ALTER TABLE … ADD (… STATIC for a static column). Key columns are fixed when a
 * table is created. Where this migration made the table, the counter-table rule and a static
 * column's need for clustering columns are checked here; against an earlier migration's table,
 * preflight checks them on the live schema (both before any IO).
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } }, { keyspace: 'app' })
 * // [ALTER TABLE "app"."users" ADD "phone" text]
 */
export function compileAddField(op: AddFieldOp, settings: CassandraCompileSettings, ctx?: CompileContext): Step[] {
  const where = `${op.collection}.${op.field.name}`;
  if (op.field.primaryKey === true) refuse(`adding key column "${where}"`, 'the primary key of a Cassandra table is fixed when it is created');
  checkField(op.field, op.collection);
  const type = columnType(op.field, where);
  checkCounterField(op.field, type, op.collection);
  const known = ctx ? tableBefore(ctx, op.collection) : undefined;
  if (known) {
    const others = known.fields.filter((f) => f.name !== op.field.name).map((f) => ({ name: f.name, cql: safeType(f, op.collection), key: known.key.includes(f.name) }));
    checkCounterTable(op.collection, [...others, { name: op.field.name, cql: type, key: false }], undefined);
    if (op.field.static === true && known.clustering) checkStatic(op.collection, op.field.name, false, known.clustering.length > 0);
  }
  const text = `ALTER TABLE ${qualify(settings.keyspace, op.collection)} ADD ${quoteIdent(op.field.name)} ${type}${op.field.static === true ? ' STATIC' : ''}`;
  return [
    ddl(text, `add column ${where}`, undefined, {
      kind: 'addColumn',
      table: op.collection,
      column: { name: op.field.name, type },
      ...(op.field.static === true ? { static: true } : {}),
    }),
  ];
}

function safeType(field: FieldDefinition, table: string): string {
  try {
    return columnType(field, `${table}.${field.name}`);
  } catch {
    return '';
  }
}
