import type { CassandraDriver } from '../cassandra-driver.js';
import { type IndexTarget, isSaiClass, parseIndexTarget } from '../introspect/index-target.js';

/** An index of a table as preflight needs it. */
export interface LiveIndex extends IndexTarget {
  readonly name: string;
  readonly sai: boolean;
  /** The op of the migration being checked that makes it (none: it is in the database). */
  readonly madeBy?: string;
}

/** What preflight knows of one table at a point of the replay. */
export interface LiveTable {
  readonly exists: boolean;
  /** Column name → CQL type. */
  readonly columns: Map<string, string>;
  readonly indexes: LiveIndex[];
  /** Dropped column name → the CQL type it had (system_schema.dropped_columns). */
  readonly dropped: Map<string, string>;
  /** Column name → its kind (`partition_key`, `clustering`, `static`, `regular`), where known. */
  readonly kinds: Map<string, string>;
}

/**
 * Reads the columns, indexes and dropped columns of `tables` in `keyspace` from system_schema
 * (three reads per table; nothing is written).
 * @example const live = await readLiveTables(driver, 'app', ['events']); live.get('events')?.dropped.get('order') // 'boolean'
 */
export async function readLiveTables(driver: CassandraDriver, keyspace: string, tables: readonly string[]): Promise<Map<string, LiveTable>> {
  const where = 'WHERE keyspace_name = ? AND table_name = ?';
  const live = new Map<string, LiveTable>();
  for (const table of tables) {
    const columns = (await driver.execute(`SELECT column_name, type, kind FROM system_schema.columns ${where}`, [keyspace, table])).rows;
    const indexes = (await driver.execute(`SELECT index_name, options FROM system_schema.indexes ${where}`, [keyspace, table])).rows;
    const dropped = (await driver.execute(`SELECT column_name, type FROM system_schema.dropped_columns ${where}`, [keyspace, table])).rows;
    live.set(table, {
      exists: columns.length > 0,
      columns: new Map(columns.map((r) => [r.get('column_name') as string, r.get('type') as string])),
      indexes: indexes.map((r) => {
        const options = (r.get('options') as Record<string, string> | null) ?? {};
        return { name: r.get('index_name') as string, sai: isSaiClass(options.class_name), ...parseIndexTarget(options.target ?? '') };
      }),
      dropped: new Map(dropped.map((r) => [r.get('column_name') as string, r.get('type') as string])),
      kinds: new Map(columns.map((r) => [r.get('column_name') as string, r.get('kind') as string])),
    });
  }
  return live;
}

/** A table that does not exist (or was just created or dropped in the replay). */
export function emptyTable(exists: boolean): LiveTable {
  return { exists, columns: new Map(), indexes: [], dropped: new Map(), kinds: new Map() };
}
