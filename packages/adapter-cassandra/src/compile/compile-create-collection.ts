import type { CreateCollectionOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnType } from './column-type.js';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { checkCounterField, checkCounterTable } from './counter-rules.js';
import { compileCreateIndex } from './compile-create-index.js';
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
export function compileCreateCollection(op: CreateCollectionOp, settings: CassandraCompileSettings): Step[] {
  const options = op.options?.cassandraOptions ?? {};
  const key = resolvePrimaryKey(op.name, op.fields, options);
  const keyed = new Set(keyColumns(key));
  const typed = op.fields.map((f) => {
    checkField(f, op.name);
    const type = columnType(f, `${op.name}.${f.name}`);
    if (keyed.has(f.name) && /^\s*(list|set|map)\s*</i.test(type))
      refuse(`collection column "${op.name}.${f.name}" (${type}) in the primary key`, 'Cassandra key columns cannot be non-frozen collections; use frozen<…>');
    checkCounterField(f, type, op.name);
    if (f.static === true) checkStatic(op.name, f.name, keyed.has(f.name), key.clustering.length > 0);
    return { name: f.name, type, static: f.static === true };
  });
  checkCounterTable(
    op.name,
    typed.map((c) => ({ name: c.name, cql: c.type, key: keyed.has(c.name) })),
    options.defaultTTL,
  );
  const columns = typed.map((c) => `${quoteIdent(c.name)} ${c.type}${c.static ? ' STATIC' : ''}`);
  if ((op.constraints ?? []).length > 0) refuse(`constraints on "${op.name}"`, 'Cassandra has no foreign key, check or unique constraints');
  const clustering = key.clustering.map((c) => `, ${quoteIdent(c.name)}`).join('');
  const pk = `PRIMARY KEY ((${key.partition.map((p) => quoteIdent(p)).join(', ')})${clustering})`;
  const text = `CREATE TABLE ${qualify(settings.keyspace, op.name)} (${[...columns, pk].join(', ')})${tableOptions(options, key)}`;
  const indexes = (op.indexes ?? []).flatMap((ix) => compileCreateIndex({ type: 'createIndex', collection: op.name, ...ix }, settings));
  return [
    ddl(text, `create table ${op.name}`, undefined, {
      kind: 'createTable',
      table: op.name,
      columns: typed.map((c) => ({ name: c.name, type: c.type })),
      key: [...keyed],
      clustering: key.clustering.map((c) => c.name),
    }),
    ...indexes,
  ];
}

/**
 * A static column is a regular column of a table with clustering columns (one value per
 * partition): refused on a key column and on a table without clustering columns, before any IO.
 * @example checkStatic('posts', 'owner', false, true) // ok
 */
export function checkStatic(table: string, column: string, isKey: boolean, hasClustering: boolean): void {
  if (isKey) refuse(`static key column "${table}.${column}"`, 'a key column cannot be static; static columns are regular columns shared by the rows of a partition');
  if (!hasClustering) {
    refuse(
      `static column "${table}.${column}"`,
      `"${table}" has no clustering columns, so every partition is one row and a static column means nothing (Cassandra refuses it): give the table clusteringColumns`,
    );
  }
}
