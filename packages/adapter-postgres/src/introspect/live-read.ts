import type { CollectionSnapshot } from '@ductape/core';
import { COLUMNS_OF_T, CONSTRAINTS_OF_T, INDEXES_OF_T, snapshotOf } from '../postgres-introspector.js';
import type { Queryable } from '../postgres-driver.js';
import { type LiveRelation, relationsSql, toLiveRelation } from '../preflight/live-relation.js';

/**
 * One statement (so one round trip, with parameters) that reads the tables of schema `$1` named in
 * `$2` with their columns, constraints and indexes, and the relations named in `$3` (the
 * preflight's), each as JSON. The orders are those of the per-table queries it replaces.
 */
const LIVE_READ = `SELECT
  (SELECT COALESCE(json_agg(json_build_object('name', t.relname::text, 'relpersistence', t.relpersistence::text,
      'columns', (SELECT COALESCE(json_agg(x ORDER BY x.attnum), '[]'::json) FROM (${COLUMNS_OF_T}) x),
      'constraints', (SELECT COALESCE(json_agg(x ORDER BY x.name), '[]'::json) FROM (${CONSTRAINTS_OF_T}) x),
      'indexes', (SELECT COALESCE(json_agg(x ORDER BY x.name), '[]'::json) FROM (${INDEXES_OF_T}) x))), '[]'::json)
    FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = $1 AND t.relname = ANY($2::text[]) AND t.relkind IN ('r', 'p')) AS tables,
  (SELECT COALESCE(json_agg(r), '[]'::json) FROM (${relationsSql('$3')}) r) AS relations`;

/** What readLiveSchema read. */
export interface LiveSchemaRead {
  /** Every table asked for: its snapshot, or undefined when the schema has no table of that name. */
  readonly collections: ReadonlyMap<string, CollectionSnapshot | undefined>;
  /** The relations of the schema among the names asked for (see liveRelations). */
  readonly relations: readonly LiveRelation[];
}

/**
 * The tables `tables` of `schema` (as introspectTable reads each) and its relations named in
 * `relations` (as liveRelations reads them), in one round trip; none when both lists are empty.
 * Reads only.
 * @example const { collections, relations } = await readLiveSchema(driver, 'public', ['users'], ['users_email']);
 */
export async function readLiveSchema(db: Queryable, schema: string, tables: readonly string[], relations: readonly string[]): Promise<LiveSchemaRead> {
  const collections = new Map<string, CollectionSnapshot | undefined>(tables.map((name) => [name, undefined]));
  if (tables.length === 0 && relations.length === 0) return { collections, relations: [] };
  const row = (await db.query(LIVE_READ, [schema, [...new Set(tables)], [...new Set(relations)]])).rows[0] ?? {};
  for (const t of jsonRows(row.tables)) collections.set(String(t.name), snapshotOf(t));
  return { collections, relations: jsonRows(row.relations).map(toLiveRelation) };
}

/** A json column as rows (drivers parse json; a text form is parsed here). */
function jsonRows(value: unknown): Record<string, unknown>[] {
  const parsed = typeof value === 'string' ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? (parsed as Record<string, unknown>[]) : [];
}

/**
 * Reads a table's columns, indexes and constraints back into core's CollectionSnapshot, in the
 * same shape the compiler writes them (a `<table>_<col>_key` unique is `unique: true` on the field,
 * a `<col>_enum` check is an enum), so a drop's `down` recreates exactly what was there. One
 * round trip (readLiveSchema).
 * @example const snapshot = await introspectTable(driver, 'public', 'users');
 */
export async function introspectTable(db: Queryable, schema: string, table: string): Promise<CollectionSnapshot | undefined> {
  return (await readLiveSchema(db, schema, [table], [])).collections.get(table);
}
