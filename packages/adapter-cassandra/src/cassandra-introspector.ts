import type { CollectionSnapshot, FieldDefinition, HistoryEntry, IndexDefinition, SimilarityFunction } from '@ductape/core';
import type { CassandraDriver, Row } from './cassandra-driver.js';
import { columnType } from './compile/column-type.js';
import { normalCqlType } from './compile/native-type.js';
import { declaredFields } from './introspect/declared-fields.js';
import { isSaiClass, parseIndexTarget } from './introspect/index-target.js';
import { parseCqlType } from './introspect/parse-type.js';
import { type KeyColumn, introspectOptions } from './introspect/table-options.js';

/**
 * The current definition of `table` from system_schema (columns with their kinds and types,
 * SAI/secondary indexes, table options), enriched with what history declared and Cassandra
 * does not store (lengths, defaults, enum values, NOT NULL, string vs text, json) where the CQL
 * type still matches. Undefined when the table does not exist.
 * @example const snapshot = await introspectTable(driver, 'app', 'users', await history.list());
 */
export async function introspectTable(driver: CassandraDriver, keyspace: string, table: string, history: readonly HistoryEntry[]): Promise<CollectionSnapshot | undefined> {
  const where = 'WHERE keyspace_name = ? AND table_name = ?';
  const tables = await driver.execute(`SELECT * FROM system_schema.tables ${where}`, [keyspace, table]);
  const tableRow = tables.first();
  if (!tableRow) return undefined;
  const columns = (await driver.execute(`SELECT column_name, kind, type, position, clustering_order FROM system_schema.columns ${where}`, [keyspace, table])).rows;
  const indexRows = (await driver.execute(`SELECT index_name, options FROM system_schema.indexes ${where}`, [keyspace, table])).rows;
  const keys: KeyColumn[] = columns
    .filter((c) => c.get('kind') === 'partition_key' || c.get('kind') === 'clustering')
    .map((c) => ({ name: c.get('column_name') as string, kind: c.get('kind') as KeyColumn['kind'], position: Number(c.get('position')), order: c.get('clustering_order') as KeyColumn['order'] }));
  const options = introspectOptions(tableRow, keys);
  const keyOrder = [...(options.partitionKey ?? []), ...(options.clusteringColumns ?? [])];
  const declared = declaredFields(table, history) ?? [];
  const rank = (name: string): number => {
    const k = keyOrder.indexOf(name);
    if (k >= 0) return k;
    const d = declared.findIndex((f) => f.name === name);
    return keyOrder.length + (d >= 0 ? d : declared.length);
  };
  const fields = columns.map((c) => toField(c, keyOrder, declared)).sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const indexes = indexRows.map(toIndex).sort((a, b) => (a.name < b.name ? -1 : 1));
  // Always reported, empty too: core reads a missing list as "this database does not report its
  // indexes" and would then refuse a dropIndex of an index made earlier in the same migration.
  return { name: table, fields, indexes, options: { cassandraOptions: options } };
}

function toField(column: Row, keyOrder: readonly string[], declared: readonly FieldDefinition[]): FieldDefinition {
  const name = column.get('column_name') as string;
  const cql = column.get('type') as string;
  const isKey = keyOrder.includes(name);
  const known = declared.find((f) => f.name === name);
  const declaredType = known ? safeType(known) : undefined;
  const base: FieldDefinition = known && declaredType !== undefined && normalCqlType(declaredType) === normalCqlType(cql) ? known : { name, ...parseCqlType(cql) };
  // Key and static come from system_schema's kind, whatever history says.
  const { primaryKey: _pk, static: _static, ...rest } = base;
  if (isKey) return { ...rest, primaryKey: true };
  return column.get('kind') === 'static' ? { ...rest, static: true } : rest;
}

function safeType(field: FieldDefinition): string | undefined {
  try {
    return columnType(field, field.name);
  } catch {
    return undefined;
  }
}

function toIndex(row: Row): IndexDefinition {
  const options = (row.get('options') as Record<string, string> | null) ?? {};
  const sai = isSaiClass(options.class_name);
  // A vector index keeps its similarity_function as written (the adapter writes capitals).
  const similarity = options.similarity_function?.toLowerCase();
  return {
    name: row.get('index_name') as string,
    fields: [{ name: parseIndexTarget(options.target ?? '').column }],
    ...(sai ? { using: 'sai' } : {}),
    ...(similarity ? { similarityFunction: similarity as SimilarityFunction } : {}),
  };
}
