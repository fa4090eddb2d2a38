import type { MysqlQueryable } from './mysql-driver.js';

const KEYS = `SELECT INDEX_NAME AS name FROM information_schema.STATISTICS s
  WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND NON_UNIQUE = 0 AND INDEX_NAME <> 'PRIMARY' AND SUB_PART IS NULL AND INDEX_COMMENT = ''
  GROUP BY INDEX_NAME HAVING COUNT(*) = 1 AND MAX(COLUMN_NAME) = ? ORDER BY INDEX_NAME = ? DESC, INDEX_NAME`;

/**
 * The name the unique key of field `column` really has: the one-column unique index on it that is
 * not a unique constraint, preferring the column's own name (what earlier versions of this adapter,
 * and MySQL itself, called it). Undefined when there is none.
 * @example await fieldUniqueKeyName(connection, 'users', 'email') // 'email' (made by an earlier version)
 */
export async function fieldUniqueKeyName(q: MysqlQueryable, table: string, column: string): Promise<string | undefined> {
  const [row] = await q.query(KEYS, [table, column, column]);
  return row ? String(row.name) : undefined;
}
