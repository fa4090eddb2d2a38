import { createHash } from 'node:crypto';
import type { CassandraDriver } from '../cassandra-driver.js';

/** One column of a table as system_schema.columns describes it. */
export interface TableColumn {
  readonly name: string;
  /** The CQL type text (`int`, `frozen<list<text>>`, …). */
  readonly type: string;
  readonly kind: 'partition_key' | 'clustering' | 'regular' | 'static';
  readonly order: 'asc' | 'desc' | 'none';
}

/** A table's columns: the partition key and the clustering columns in key order, and all by name. */
export interface TableColumns {
  readonly partitionKey: readonly TableColumn[];
  readonly clustering: readonly TableColumn[];
  readonly byName: ReadonlyMap<string, TableColumn>;
}

/**
 * Reads a table's columns from system_schema.columns (undefined when the table does not exist).
 * @example const cols = await tableColumns(driver, 'app', 'users'); cols.partitionKey.map((c) => c.name)
 */
export async function tableColumns(driver: CassandraDriver, keyspace: string, table: string): Promise<TableColumns | undefined> {
  const rows = (await driver.execute('SELECT column_name, kind, type, position, clustering_order FROM system_schema.columns WHERE keyspace_name = ? AND table_name = ?', [keyspace, table])).rows;
  if (rows.length === 0) return undefined;
  const all = rows.map((r) => ({
    name: r.get('column_name') as string,
    type: r.get('type') as string,
    kind: r.get('kind') as TableColumn['kind'],
    order: String(r.get('clustering_order') ?? 'none').toLowerCase() as TableColumn['order'],
    position: Number(r.get('position')),
  }));
  const ofKind = (kind: TableColumn['kind']) =>
    all
      .filter((c) => c.kind === kind)
      .sort((a, b) => a.position - b.position)
      .map(({ position: _p, ...c }) => c);
  return { partitionKey: ofKind('partition_key'), clustering: ofKind('clustering'), byName: new Map(all.map(({ position: _p, ...c }) => [c.name, c])) };
}

/**
 * A CQL comment naming the table's column types (by a hash), appended to the statements a data
 * update prepares: cassandra-driver caches a prepared statement's bind types by its text and
 * encodes values client-side, so after the table was dropped and recreated with other types under
 * the same name, the same text would be sent with the old types ("Not a valid text value").
 * @example `UPDATE ks.users SET n = ? WHERE id = ?${columnsTag(cols)}`
 */
export function columnsTag(cols: TableColumns): string {
  const shape = [...cols.byName.values()]
    .map((c) => `${c.name}\u0000${c.type}\u0000${c.kind}`)
    .sort()
    .join('\u0001');
  return ` /* columns ${createHash('sha256').update(shape).digest('hex').slice(0, 16)} */`;
}
