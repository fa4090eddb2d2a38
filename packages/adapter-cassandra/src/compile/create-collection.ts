import type { CreateCollectionOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CompileSettings } from './compile-settings.js';
import { compileCreateIndex } from './create-index.js';
import { checkField } from './field-rules.js';
import { keyColumns, resolvePrimaryKey } from './primary-key.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableOptions } from './table-options.js';

/**
 * createCollection → CREATE TABLE with the primary key (partition key, clustering columns) and
 * the cassandraOptions; indexes restored with a dropped table follow as SAI indexes.
 * @example
 * compileCreateCollection({ type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, { keyspace: 'app' })
 * // [CREATE TABLE "app"."users" ("id" uuid, PRIMARY KEY (("id")))]
 */
export function compileCreateCollection(op: CreateCollectionOp, settings: CompileSettings): Step[] {
  const options = op.options?.cassandraOptions ?? {};
  const key = resolvePrimaryKey(op.name, op.fields, options);
  const keyed = new Set(keyColumns(key));
  const typed = op.fields.map((f) => {
    checkField(f, op.name);
    const type = columnType(f, `${op.name}.${f.name}`);
    if (keyed.has(f.name) && /^\s*(list|set|map)\s*</i.test(type))
      refuse(`collection column "${op.name}.${f.name}" (${type}) in the primary key`, 'Cassandra key columns cannot be non-frozen collections; use frozen<…>');
    return { name: f.name, type };
  });
  const columns = typed.map((c) => `${quoteIdent(c.name)} ${c.type}`);
  if ((op.constraints ?? []).length > 0) refuse(`constraints on "${op.name}"`, 'Cassandra has no foreign key, check or unique constraints');
  const clustering = key.clustering.map((c) => `, ${quoteIdent(c.name)}`).join('');
  const pk = `PRIMARY KEY ((${key.partition.map((p) => quoteIdent(p)).join(', ')})${clustering})`;
  const text = `CREATE TABLE ${qualify(settings.keyspace, op.name)} (${[...columns, pk].join(', ')})${tableOptions(options, key)}`;
  const indexes = (op.indexes ?? []).flatMap((ix) => compileCreateIndex({ type: 'createIndex', collection: op.name, ...ix }, settings));
  return [ddl(text, `create table ${op.name}`, undefined, { kind: 'createTable', table: op.name, columns: typed }), ...indexes];
}
