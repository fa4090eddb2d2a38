import type { Queryable } from '../postgres-driver.js';

/** A relation of the schema as the catalog has it now, with what decides when it goes away. */
export interface LiveRelation {
  readonly name: string;
  /** pg_class.relkind: r table, p partitioned table, i / I index, S sequence, v view, m materialized view, f foreign table, c composite type. */
  readonly kind: string;
  /** An index's table, or the table of the column that owns a sequence (serial, identity). */
  readonly table: string | undefined;
  /** The columns an index depends on (keys, expressions, predicate), or the column owning a sequence. */
  readonly columns: readonly string[];
  /** The constraint an index backs: p primary key, u unique, x exclusion. */
  readonly key: string | undefined;
  /** False for an index a failed CREATE INDEX CONCURRENTLY left INVALID. */
  readonly valid: boolean;
  /** A partition's parent table (same schema). */
  readonly parent: string | undefined;
}

/**
 * The relations of schema `$1` named in the text[] parameter `names` (e.g. '$2'), with what
 * decides when each goes away.
 * @example db.query(relationsSql('$2'), [schema, names])
 */
export function relationsSql(names: string): string {
  return `SELECT c.relname::text AS name, c.relkind::text AS kind, COALESCE(it.relname, st.relname)::text AS "table",
  CASE WHEN ix.indexrelid IS NOT NULL THEN ARRAY(
    SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = ix.indrelid AND a.attnum > 0 AND (a.attnum = ANY(ix.indkey) OR a.attnum IN (
      SELECT d.refobjsubid FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass AND d.refobjid = ix.indrelid)))
  ELSE ARRAY(SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = sd.refobjid AND a.attnum = sd.refobjsubid AND a.attnum > 0) END AS columns,
  k.contype::text AS key, COALESCE(ix.indisvalid, true) AS valid, p.relname::text AS parent
FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
LEFT JOIN pg_index ix ON ix.indexrelid = c.oid
LEFT JOIN pg_class it ON it.oid = ix.indrelid
LEFT JOIN pg_constraint k ON k.conindid = c.oid AND k.conrelid = ix.indrelid AND k.contype IN ('p', 'u', 'x')
LEFT JOIN pg_depend sd ON c.relkind = 'S' AND sd.classid = 'pg_class'::regclass AND sd.objid = c.oid AND sd.refclassid = 'pg_class'::regclass AND sd.deptype IN ('a', 'i')
LEFT JOIN pg_class st ON st.oid = sd.refobjid AND st.relnamespace = c.relnamespace
LEFT JOIN pg_inherits h ON c.relispartition AND h.inhrelid = c.oid
LEFT JOIN pg_class p ON p.oid = h.inhparent AND p.relnamespace = c.relnamespace
WHERE n.nspname = $1 AND c.relname = ANY(${names}::text[])
ORDER BY c.relname`;
}

/**
 * The relations of `schema` named in `names` (one query to pg_class; names compare exactly, as
 * quoted identifiers do). Reads only.
 * @example await liveRelations(db, 'public', ['x_uq', 'orders']) // [{ name: 'x_uq', kind: 'i', table: 'a', columns: ['x'], key: 'u', valid: true, parent: undefined }]
 */
export async function liveRelations(db: Queryable, schema: string, names: readonly string[]): Promise<LiveRelation[]> {
  if (names.length === 0) return [];
  const { rows } = await db.query(relationsSql('$2'), [schema, [...names]]);
  return rows.map(toLiveRelation);
}

/**
 * One row of relationsSql as a LiveRelation (the columns decoded by the driver or from JSON alike).
 * @example toLiveRelation({ name: 'x_uq', kind: 'i', table: 'a', columns: ['x'], key: 'u', valid: true, parent: null })
 */
export function toLiveRelation(r: Record<string, unknown>): LiveRelation {
  return {
    name: String(r.name),
    kind: String(r.kind),
    table: r.table == null ? undefined : String(r.table),
    columns: Array.isArray(r.columns) ? r.columns.map(String) : [],
    key: r.key == null ? undefined : String(r.key),
    valid: r.valid !== false,
    parent: r.parent == null ? undefined : String(r.parent),
  };
}
