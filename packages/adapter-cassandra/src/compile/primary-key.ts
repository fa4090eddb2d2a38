import { type CassandraOptions, type FieldDefinition, ValidationError } from '@ductape/core';

/** The primary key of a table: partition key columns, then clustering columns with their order. */
export interface PrimaryKey {
  readonly partition: readonly string[];
  readonly clustering: readonly { readonly name: string; readonly order: 'ASC' | 'DESC' }[];
}

/**
 * The primary key of a new table: `cassandraOptions.partitionKey` (+ clusteringColumns), else the
 * fields marked primaryKey (all of them form the partition key, minus any clusteringColumns).
 * A table without one is refused: Cassandra requires a primary key.
 * @example resolvePrimaryKey('events', fields, { partitionKey: ['user_id'], clusteringColumns: ['created_at'] })
 */
export function resolvePrimaryKey(table: string, fields: readonly FieldDefinition[], options: CassandraOptions = {}): PrimaryKey {
  const names = new Set(fields.map((f) => f.name));
  const issues: { code: string; path: string; message: string }[] = [];
  const clusteringNames = [...(options.clusteringColumns ?? [])];
  const partition = options.partitionKey ? [...options.partitionKey] : fields.filter((f) => f.primaryKey === true && !clusteringNames.includes(f.name)).map((f) => f.name);
  const order = new Map((options.clusteringOrder ?? []).map((o) => [o.column, o.order]));
  for (const name of [...partition, ...clusteringNames, ...order.keys()]) {
    if (!names.has(name)) issues.push({ code: 'unknown_key_column', path: 'options.cassandraOptions', message: `"${name}" is not a field of "${table}"` });
  }
  for (const [column, dir] of order) {
    if (!clusteringNames.includes(column)) issues.push({ code: 'not_clustering', path: 'options.cassandraOptions.clusteringOrder', message: `"${column}" is not one of the clusteringColumns` });
    if (dir !== 'ASC' && dir !== 'DESC') issues.push({ code: 'invalid_order', path: 'options.cassandraOptions.clusteringOrder', message: `order of "${column}" must be ASC or DESC` });
  }
  const keyed = new Set([...partition, ...clusteringNames]);
  if (keyed.size !== partition.length + clusteringNames.length) issues.push({ code: 'duplicate_key_column', path: 'options.cassandraOptions', message: 'a column appears twice in the primary key' });
  for (const f of fields) {
    if (f.primaryKey === true && !keyed.has(f.name))
      issues.push({ code: 'primary_key_outside_key', path: `fields.${f.name}`, message: `"${f.name}" is marked primaryKey but is neither in partitionKey nor in clusteringColumns` });
  }
  if (partition.length === 0) {
    issues.push({ code: 'missing_primary_key', path: 'fields', message: `Cassandra needs a primary key: mark a field primaryKey: true or give cassandraOptions.partitionKey for "${table}"` });
  }
  if (issues.length > 0) throw new ValidationError(`Cassandra table "${table}"`, issues);
  return { partition, clustering: clusteringNames.map((name) => ({ name, order: order.get(name) ?? 'ASC' })) };
}

/**
 * Every column of the primary key, partition first.
 * @example keyColumns({ partition: ['a'], clustering: [{ name: 'b', order: 'ASC' }] }) // ['a', 'b']
 */
export function keyColumns(key: PrimaryKey): string[] {
  return [...key.partition, ...key.clustering.map((c) => c.name)];
}
