import { assertIndexFits } from './compile/assert-index-fits.js';
import { COMPACT_LIMITS, DYNAMIC_LIMITS, type KeyColumn } from './compile/index-key-length.js';
import type { KeyCheck } from './compile/step.js';
import type { MysqlCompileSettings } from './mysql-compile-settings.js';
import type { MysqlQueryable, Row } from './mysql-driver.js';

const COLUMNS = `SELECT c.COLUMN_NAME AS name, c.DATA_TYPE AS data_type, c.COLUMN_TYPE AS column_type, c.CHARACTER_MAXIMUM_LENGTH AS max_chars, cs.MAXLEN AS bytes_per_char
  FROM information_schema.COLUMNS c LEFT JOIN information_schema.CHARACTER_SETS cs ON cs.CHARACTER_SET_NAME = c.CHARACTER_SET_NAME
  WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME = ?`;
const ROW_FORMAT = 'SELECT ROW_FORMAT AS row_format FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?';

const FIXED: { readonly [dataType: string]: number } = {
  tinyint: 1,
  smallint: 2,
  mediumint: 3,
  int: 4,
  integer: 4,
  bigint: 8,
  float: 4,
  double: 8,
  real: 8,
  bit: 8,
  year: 1,
  date: 3,
  time: 6,
  datetime: 8,
  timestamp: 7,
  enum: 2,
  set: 8,
  uuid: 16,
  inet4: 4,
  inet6: 16,
};

/**
 * Checks an index's key against the table's real columns and row format before the statement
 * that builds it runs: throws IndexKeyTooLongError (nothing of the step ran). Columns the table
 * does not have are left to the server's own error.
 * @example await checkIndexKey(connection, step.keyCheck, MARIADB_DIALECT)
 */
export async function checkIndexKey(q: MysqlQueryable, check: KeyCheck, dialect: MysqlCompileSettings): Promise<void> {
  const rows = await q.query(COLUMNS, [check.table]);
  const [table] = await q.query(ROW_FORMAT, [check.table]);
  const compact = /^(compact|redundant)$/i.test(String(table?.row_format ?? ''));
  const columns = new Map<string, KeyColumn>();
  for (const r of rows) columns.set(String(r.name), keyColumnOfRow(r));
  assertIndexFits(check.table, check.index, check, columns, dialect, 'execute', compact ? COMPACT_LIMITS : DYNAMIC_LIMITS);
}

/**
 * How a column from information_schema.COLUMNS takes part in a key.
 * @example keyColumnOfRow({ data_type: 'varchar', column_type: 'varchar(100)', max_chars: 100, bytes_per_char: 4 }) // { kind: 'string', size: 100, bytesPerChar: 4, … }
 */
export function keyColumnOfRow(r: Row): KeyColumn {
  const type = String(r.data_type).toLowerCase();
  const sqlType = String(r.column_type).toUpperCase();
  const size = r.max_chars == null ? undefined : Number(r.max_chars);
  const bytesPerChar = r.bytes_per_char == null ? 4 : Number(r.bytes_per_char);
  if (type === 'char' || type === 'varchar') return { kind: 'string', ...(size === undefined ? {} : { size }), bytesPerChar, sqlType };
  if (type === 'binary' || type === 'varbinary') return { kind: 'binary', ...(size === undefined ? {} : { size }), sqlType };
  if (type.endsWith('text')) return { kind: 'text', bytesPerChar, sqlType };
  if (type.endsWith('blob')) return { kind: 'blob', sqlType };
  if (type === 'json') return { kind: 'json', sqlType };
  return { kind: 'fixed', size: FIXED[type] ?? 8, sqlType };
}
