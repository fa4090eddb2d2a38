import type { CollectionSnapshot, SqlOptions } from '@ductape/core';
import { fieldOfColumn } from './introspect/column-field.js';
import { keysOf } from './introspect/key-rows.js';
import type { MysqlQueryable, Row } from './mysql-driver.js';
import { quoteIdent } from './quote.js';

const TABLE =
  "SELECT ENGINE AS engine, TABLE_COLLATION AS collation, TABLE_COMMENT AS comment FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND TABLE_TYPE = 'BASE TABLE'";
const COLUMNS =
  'SELECT COLUMN_NAME AS name, COLUMN_TYPE AS column_type, IS_NULLABLE AS nullable, COLUMN_DEFAULT AS dflt, EXTRA AS extra, COLUMN_COMMENT AS comment, CHARACTER_SET_NAME AS charset, COLLATION_NAME AS collation, GENERATION_EXPRESSION AS generation FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION';
const STATS =
  'SELECT INDEX_NAME AS index_name, SEQ_IN_INDEX AS seq, COLUMN_NAME AS column_name, NON_UNIQUE AS non_unique, COLLATION AS collation, INDEX_TYPE AS index_type, INDEX_COMMENT AS comment, SUB_PART AS sub_part FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?';
const FKS = `SELECT k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS column_name, k.ORDINAL_POSITION AS position, k.REFERENCED_TABLE_NAME AS ref_table, k.REFERENCED_COLUMN_NAME AS ref_column, r.UPDATE_RULE AS update_rule, r.DELETE_RULE AS delete_rule
  FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
  WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL`;
// `*`: LEVEL ('Column' for a check written in a column definition) exists from MariaDB 10.5.10 only.
const CHECKS_MARIADB = 'SELECT * FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ?';
const CHECKS_MYSQL = `SELECT c.CONSTRAINT_NAME AS name, c.CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS c JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME
  WHERE c.CONSTRAINT_SCHEMA = DATABASE() AND t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK'`;

/**
 * The current definition of `table` from information_schema, as core's CollectionSnapshot:
 * fields (exact: portable types where they compile back to the same column, else native, see
 * fieldOfColumn), indexes, constraints (foreign keys, unique, check, a primary key out of column
 * order) and table options. What a compile of that snapshot creates reads back the same, so drops
 * and modifies get complete downs. `nativeUuid`: the dialect compiles uuid as MariaDB's UUID.
 * @example const users = await introspectTable(connection, 'users', true)
 */
export async function introspectTable(q: MysqlQueryable, table: string, mariadb: boolean, nativeUuid = false): Promise<CollectionSnapshot | undefined> {
  const [info] = await q.query(TABLE, [table]);
  if (!info) return undefined;
  const columns = await q.query(COLUMNS, [table]);
  const checks = (await q.query(mariadb ? CHECKS_MARIADB : CHECKS_MYSQL, [table])).map(checkRow);
  const names = columns.map((c) => String(c.name));
  const jsonOf = (c: Row): string | undefined => jsonValidColumn(c, names, mariadb);
  const jsonChecked = new Set(checks.map(jsonOf).filter((n): n is string => n !== undefined));
  const keys = keysOf(
    table,
    await q.query(STATS, [table]),
    await q.query(FKS, [table]),
    checks.filter((c) => jsonOf(c) === undefined),
    names,
    mariadb ? 'RESTRICT' : 'NO ACTION',
  );
  const lossy = columns.some((c) => String(c.dflt ?? '').includes('?') || String(c.column_type).includes('?') || String(c.comment ?? '').includes('?'));
  const create = lossy ? String(Object.values((await q.query(`SHOW CREATE TABLE ${quoteIdent(table, 'table')}`))[0] ?? {})[1] ?? '') : '';
  const tableCollation = info.collation ? String(info.collation) : undefined;
  const fields = columns.map((c) =>
    fieldOfColumn(c, { mariadb, nativeUuid, tableCollation, jsonChecked: jsonChecked.has(String(c.name)), create, unique: keys.uniqueFields, primary: keys.primaryFields }),
  );
  return {
    name: table,
    fields,
    indexes: keys.indexes,
    constraints: keys.constraints,
    options: { sqlOptions: tableOptionsOf(info) },
  };
}

/** A check row with the same keys whichever query read it (MariaDB's is `SELECT *`). */
function checkRow(c: Row): Row {
  return { name: c.name ?? c.CONSTRAINT_NAME, clause: c.clause ?? c.CHECK_CLAUSE, level: c.LEVEL };
}

/**
 * The column whose JSON type a check is: MariaDB's JSON alias is LONGTEXT plus a column check
 * `json_valid(`col`)` named after the column when it was made. The check keeps that name when the
 * column is renamed (its expression follows), so on MariaDB it is recognized by its expression on
 * a column of the table, whatever its name, unless MariaDB (10.5.10+) says it is a table-level
 * check (the user's own, which stays a constraint). MySQL has a real JSON type: there only a check
 * named after its column counts, as before.
 */
function jsonValidColumn(c: Row, columns: readonly string[], mariadb: boolean): string | undefined {
  const clause = withoutSpacesOutsideQuotes(String(c.clause));
  const column = columns.find((col) => clause.toLowerCase() === `json_valid(${quoteIdent(col, 'field')})`.toLowerCase());
  if (column === undefined) return undefined;
  const level = c.level === undefined || c.level === null ? undefined : String(c.level);
  return String(c.name) === column || (mariadb && level !== 'Table') ? column : undefined;
}

/**
 * `text` without the white space outside backtick-quoted identifiers: the server may print
 * `json_valid( `a` )`, and a column may be named `Value X` (its space is part of the name).
 */
function withoutSpacesOutsideQuotes(text: string): string {
  let out = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '`') quoted = !quoted; // a doubled backtick toggles twice: still inside
    if (quoted || ch === '`' || !/\s/.test(ch)) out += ch;
  }
  return out;
}

function tableOptionsOf(info: Row): SqlOptions {
  const collation = info.collation ? String(info.collation) : undefined;
  const comment = info.comment ? String(info.comment) : undefined;
  return {
    ...(info.engine ? { engine: String(info.engine) } : {}),
    ...(collation ? { charset: collation.split('_')[0] as string, collation } : {}),
    ...(comment ? { comment } : {}),
  };
}
