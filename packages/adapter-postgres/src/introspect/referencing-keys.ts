import type { ReferencingKey } from '@ductape/core';
import type { Queryable } from '../postgres-driver.js';

const REFERENCING = `SELECT r.relname::text AS collection, c.conname::text AS name
FROM pg_constraint c
JOIN pg_class t ON t.oid = c.confrelid JOIN pg_namespace tn ON tn.oid = t.relnamespace
JOIN pg_class r ON r.oid = c.conrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
WHERE c.contype = 'f' AND c.conparentid = 0 AND tn.nspname = $1 AND t.relname = $2 AND rn.nspname = $1 AND c.conrelid <> c.confrelid
ORDER BY r.relname, c.conname`;

/**
 * The foreign keys of other tables of `schema` that reference `table` (its own self-references
 * left out; a partition's copy of a partitioned table's key counted once, as the parent's), from
 * pg_constraint. Empty when the table does not exist.
 * @example await referencingKeysOf(driver, 'public', 'users') // [{ collection: 'orders', name: 'orders_userId_fkey' }]
 */
export async function referencingKeysOf(db: Queryable, schema: string, table: string): Promise<ReferencingKey[]> {
  const result = await db.query(REFERENCING, [schema, table]);
  return result.rows.map((row) => ({ collection: String(row.collection), name: String(row.name) }));
}
