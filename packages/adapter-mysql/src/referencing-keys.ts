import type { MysqlQueryable } from './mysql-driver.js';

const REFERENCING = `SELECT TABLE_NAME AS tbl, CONSTRAINT_NAME AS name FROM information_schema.REFERENTIAL_CONSTRAINTS
  WHERE CONSTRAINT_SCHEMA = DATABASE() AND UNIQUE_CONSTRAINT_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ? AND TABLE_NAME <> ?
  ORDER BY TABLE_NAME, CONSTRAINT_NAME`;

/**
 * The foreign keys of the other tables of the current database that reference `table`, as
 * `{ collection, name }` (the table the key is on, and its name); the table's references to
 * itself are left out. Core drops them explicitly before a dropCollection, so its down restores them.
 * @example await referencingKeys(connection, 'customers') // [{ collection: 'orders', name: 'orders_customerId_fkey' }]
 */
export async function referencingKeys(q: MysqlQueryable, table: string): Promise<{ collection: string; name: string }[]> {
  const rows = await q.query(REFERENCING, [table, table]);
  return rows.map((r) => ({ collection: String(r.tbl), name: String(r.name) }));
}
