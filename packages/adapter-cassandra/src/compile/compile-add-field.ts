import type { AddFieldOp, CompileContext, DropCollectionOp, DropFieldOp, FieldDefinition, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CompileSettings } from './compile-settings.js';
import { checkCounterField, checkCounterTable } from './counter-rules.js';
import { checkStatic } from './create-collection.js';
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
export function compileAddField(op: AddFieldOp, settings: CompileSettings, ctx?: CompileContext): Step[] {
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
