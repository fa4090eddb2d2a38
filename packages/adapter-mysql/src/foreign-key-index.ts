import type { MysqlQueryable } from './mysql-driver.js';
import { quoteIdent } from './quote.js';

const FOREIGN_KEYS = `SELECT CONSTRAINT_NAME AS name, COLUMN_NAME AS column_name FROM information_schema.KEY_COLUMN_USAGE
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY CONSTRAINT_NAME, ORDINAL_POSITION`;
const INDEXES = `SELECT INDEX_NAME AS name, COLUMN_NAME AS column_name, SUB_PART AS sub_part FROM information_schema.STATISTICS
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY INDEX_NAME, SEQ_IN_INDEX`;

/**
 * The `ADD INDEX` clauses that let `index` of `table` be dropped: one for each foreign key of the
 * table that only `index` serves (InnoDB needs an index whose first columns are the key's, in
 * order, whole), named after the foreign key and on its columns, which is the index InnoDB makes
 * for a foreign key and dropped when `index` came. Empty when no foreign key needs `index`, or
 * when that name is taken (then the drop fails as the server says: the foreign key must go first).
 * @example await foreignKeyIndexClauses(connection, 'child', 'child_parent_id') // ['ADD INDEX `fk_child_parent` (`parentId`)']
 */
export async function foreignKeyIndexClauses(q: MysqlQueryable, table: string, index: string): Promise<string[]> {
  const keys = grouped(await q.query(FOREIGN_KEYS, [table]));
  const indexRows = await q.query(INDEXES, [table]);
  const indexes = grouped(indexRows.filter((r) => r.sub_part == null));
  const names = new Set(indexRows.map((r) => String(r.name)));
  const others = [...indexes].filter(([name]) => name !== index).map(([, columns]) => columns);
  const dropped = indexes.get(index) ?? [];
  const clauses: string[] = [];
  const added: string[][] = [];
  for (const [fk, columns] of keys) {
    if (!serves(dropped, columns) || others.some((c) => serves(c, columns)) || added.some((c) => serves(c, columns))) continue;
    if (names.has(fk)) return [];
    clauses.push(`ADD INDEX ${quoteIdent(fk, 'index')} (${columns.map((c) => quoteIdent(c, 'field')).join(', ')})`);
    added.push(columns);
  }
  return clauses;
}

/**
 * The `DROP INDEX` clauses an ALTER that adds an index on `columns` of `table` takes along: one for
 * each index named after a foreign key of the table, on exactly the key's columns, that the new
 * index can serve. That is the index InnoDB makes for a foreign key, and InnoDB drops it itself
 * when such an index comes; one added back by the executor (see foreignKeyIndexClauses) is an
 * ordinary index InnoDB keeps, so without this a down that recreates an index would leave both.
 * @example await redundantForeignKeyIndexClauses(connection, 'events', ['ownerId', 'at']) // ['DROP INDEX `events_fk`']
 */
export async function redundantForeignKeyIndexClauses(q: MysqlQueryable, table: string, columns: readonly string[]): Promise<string[]> {
  const keys = grouped(await q.query(FOREIGN_KEYS, [table]));
  const indexRows = await q.query(INDEXES, [table]);
  const whole = grouped(indexRows.filter((r) => r.sub_part == null));
  const prefixed = new Set(indexRows.filter((r) => r.sub_part != null).map((r) => String(r.name)));
  const clauses: string[] = [];
  for (const [fk, keyColumns] of keys) {
    const own = whole.get(fk);
    if (!own || prefixed.has(fk) || !sameColumns(own, keyColumns) || !serves(columns, keyColumns)) continue;
    clauses.push(`DROP INDEX ${quoteIdent(fk, 'index')}`);
  }
  return clauses;
}

function sameColumns(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** True when an index on `indexColumns` can enforce a foreign key on `keyColumns`. */
function serves(indexColumns: readonly string[], keyColumns: readonly string[]): boolean {
  return keyColumns.length <= indexColumns.length && keyColumns.every((c, i) => indexColumns[i] === c);
}

function grouped(rows: readonly { readonly [k: string]: unknown }[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(String(r.name), [...(out.get(String(r.name)) ?? []), String(r.column_name)]);
  return out;
}
