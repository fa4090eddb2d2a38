import { ColumnInForeignKeyError, type ForeignKeyUse } from './compile/column-in-foreign-key-error.js';
import type { MysqlQueryable, Row } from './mysql-driver.js';

const USES = `SELECT k.CONSTRAINT_NAME AS name, k.TABLE_NAME AS tbl FROM information_schema.KEY_COLUMN_USAGE k
  WHERE k.TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME IS NOT NULL
    AND ((k.TABLE_NAME = ? AND k.COLUMN_NAME = ?) OR (k.REFERENCED_TABLE_SCHEMA = DATABASE() AND k.REFERENCED_TABLE_NAME = ? AND k.REFERENCED_COLUMN_NAME = ?))
  ORDER BY k.TABLE_NAME <> ?, k.TABLE_NAME, k.CONSTRAINT_NAME LIMIT 1`;
const KEY = `SELECT COLUMN_NAME AS column_name, REFERENCED_TABLE_NAME AS ref_table, REFERENCED_COLUMN_NAME AS ref_column FROM information_schema.KEY_COLUMN_USAGE
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND CONSTRAINT_NAME = ? AND REFERENCED_TABLE_NAME IS NOT NULL ORDER BY ORDINAL_POSITION`;

/**
 * Before a DROP COLUMN runs: throws ColumnInForeignKeyError when a foreign key uses the column (one
 * of the table's own, or one of any table that references it), which the server would refuse with
 * errno 1553/1828/1829 after the steps before it ran. Nothing of the step has run.
 * @example await checkColumnDrop(connection, { table: 'parent', column: 'id' })
 */
export async function checkColumnDrop(q: MysqlQueryable, drop: { readonly table: string; readonly column: string }): Promise<void> {
  const [found] = await q.query(USES, [drop.table, drop.column, drop.table, drop.column, drop.table]);
  if (!found) return;
  const rows = await q.query(KEY, [String(found.tbl), String(found.name)]);
  throw new ColumnInForeignKeyError(drop.table, drop.column, useOf(String(found.name), String(found.tbl), rows), 'execute');
}

function useOf(name: string, table: string, rows: readonly Row[]): ForeignKeyUse {
  return {
    name,
    table,
    columns: rows.map((r) => String(r.column_name)),
    referencedTable: String(rows[0]?.ref_table ?? ''),
    referencedColumns: rows.map((r) => String(r.ref_column)),
  };
}
