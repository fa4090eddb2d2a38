import type { CollectionSnapshot } from '@ductape/core';
import { COLUMNS_OF_T, CONSTRAINTS_OF_T, INDEXES_OF_T, snapshotOf } from '../postgres-introspector.js';
import type { Queryable } from '../postgres-driver.js';
import { type LiveRelation, relationsSql, toLiveRelation } from '../preflight/live-relation.js';

/** Which of the names in the parameter `names` are relations of schema `$1` now, and their kind, as JSON: cheap to plan. */
const probeJson = (names: string): string => `(SELECT COALESCE(json_agg(json_build_object('name', c.relname::text, 'kind', c.relkind::text)), '[]'::json)
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = ANY(${names}::text[]))`;

/** The tables of schema `$1` named in the parameter `names`, each with its columns, constraints and indexes, as JSON (orders as the per-table queries had them). */
const tablesJson = (names: string): string => `(SELECT COALESCE(json_agg(json_build_object('name', t.relname::text, 'relpersistence', t.relpersistence::text,
      'columns', (SELECT COALESCE(json_agg(x ORDER BY x.attnum), '[]'::json) FROM (${COLUMNS_OF_T}) x),
      'constraints', (SELECT COALESCE(json_agg(x ORDER BY x.name), '[]'::json) FROM (${CONSTRAINTS_OF_T}) x),
      'indexes', (SELECT COALESCE(json_agg(x ORDER BY x.name), '[]'::json) FROM (${INDEXES_OF_T}) x))), '[]'::json)
    FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE n.nspname = $1 AND t.relname = ANY(${names}::text[]) AND t.relkind IN ('r', 'p'))`;

/** The relations of schema `$1` named in the parameter `names` with what decides when each goes away (the preflight's), as JSON. */
const relationsJson = (names: string): string => `(SELECT COALESCE(json_agg(r), '[]'::json) FROM (${relationsSql(names)}) r)`;

/**
 * One statement of the parts given (a part without names is left out: planning is most of a
 * catalog read's cost), `$1` the schema and each part's names a parameter after it.
 */
function statement(schema: string, parts: readonly [alias: string, json: (names: string) => string, names: readonly string[]][]): [string, unknown[]] {
  const params: unknown[] = [schema];
  const columns = parts.map(([alias, json, names]) => {
    if (names.length === 0) return `'[]'::json AS ${alias}`;
    params.push([...names]);
    return `${json(`$${params.length}`)} AS ${alias}`;
  });
  return [`SELECT ${columns.join(', ')}`, params];
}

/** What readLiveSchema read. */
export interface LiveSchemaRead {
  /** Every table asked for: its snapshot, or undefined when the schema has no table of that name. */
  readonly collections: ReadonlyMap<string, CollectionSnapshot | undefined>;
  /** The relations of the schema among the names asked for (see liveRelations). */
  readonly relations: readonly LiveRelation[];
}

/**
 * The tables `tables` of `schema` (as introspectTable reads each) and its relations named in
 * `relations` (as liveRelations reads them), reads only, nothing kept. The tables in `expected`
 * (likely there: those a migration alters) are read in full at once; every other name is first
 * probed, and read in full only when it exists (a migration's new names seldom do). So one round
 * trip, and a second only for names found by the probe; none when both lists are empty.
 * @example const { collections, relations } = await readLiveSchema(driver, 'public', ['users'], ['users_email'], ['users']);
 */
export async function readLiveSchema(db: Queryable, schema: string, tables: readonly string[], relations: readonly string[], expected: readonly string[] = tables): Promise<LiveSchemaRead> {
  const collections = new Map<string, CollectionSnapshot | undefined>(tables.map((name) => [name, undefined]));
  const likely = new Set(expected);
  const full = [...new Set(tables.filter((t) => likely.has(t)))];
  const probed = [...new Set([...tables.filter((t) => !likely.has(t)), ...relations])];
  if (full.length === 0 && probed.length === 0) return { collections, relations: [] };
  const first =
    (
      await db.query(
        ...statement(schema, [
          ['tables', tablesJson, full],
          ['found', probeJson, probed],
        ]),
      )
    ).rows[0] ?? {};
  for (const t of jsonRows(first.tables)) collections.set(String(t.name), snapshotOf(t));
  const found = jsonRows(first.found);
  const read = new Set(full);
  const wanted = new Set(tables);
  const asked = new Set(relations);
  const tablesThere = found.filter((r) => wanted.has(String(r.name)) && !read.has(String(r.name)) && (r.kind === 'r' || r.kind === 'p')).map((r) => String(r.name));
  const relationsThere = found.filter((r) => asked.has(String(r.name))).map((r) => String(r.name));
  if (tablesThere.length === 0 && relationsThere.length === 0) return { collections, relations: [] };
  const second =
    (
      await db.query(
        ...statement(schema, [
          ['tables', tablesJson, tablesThere],
          ['relations', relationsJson, relationsThere],
        ]),
      )
    ).rows[0] ?? {};
  for (const t of jsonRows(second.tables)) collections.set(String(t.name), snapshotOf(t));
  return { collections, relations: jsonRows(second.relations).map(toLiveRelation) };
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
