import { CheckForeignKeyConflictError } from './compile/check-foreign-key-conflict-error.js';
import { type ConflictProbe, changingAction, expressionNamesColumn } from './compile/check-foreign-key-conflict.js';
import { errnoOf } from './mysql-connection-error.js';
import type { MysqlQueryable, Row } from './mysql-driver.js';

const KEYS = `SELECT k.CONSTRAINT_NAME AS name, k.COLUMN_NAME AS column_name, r.UPDATE_RULE AS update_rule, r.DELETE_RULE AS delete_rule
  FROM information_schema.KEY_COLUMN_USAGE k JOIN information_schema.REFERENTIAL_CONSTRAINTS r ON r.CONSTRAINT_SCHEMA = k.CONSTRAINT_SCHEMA AND r.CONSTRAINT_NAME = k.CONSTRAINT_NAME AND r.TABLE_NAME = k.TABLE_NAME
  WHERE k.TABLE_SCHEMA = DATABASE() AND k.TABLE_NAME = ? AND k.REFERENCED_TABLE_NAME IS NOT NULL ORDER BY k.CONSTRAINT_NAME, k.ORDINAL_POSITION`;
const CHECKS_MARIADB =
  'SELECT CONSTRAINT_NAME AS name, CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY CONSTRAINT_NAME';
const CHECKS_MYSQL = `SELECT c.CONSTRAINT_NAME AS name, c.CHECK_CLAUSE AS clause FROM information_schema.CHECK_CONSTRAINTS c JOIN information_schema.TABLE_CONSTRAINTS t ON t.CONSTRAINT_SCHEMA = c.CONSTRAINT_SCHEMA AND t.CONSTRAINT_NAME = c.CONSTRAINT_NAME
  WHERE c.CONSTRAINT_SCHEMA = DATABASE() AND t.TABLE_NAME = ? AND t.CONSTRAINT_TYPE = 'CHECK' ORDER BY c.CONSTRAINT_NAME`;
/** ER_BAD_FIELD_ERROR: MySQL's CHECK_CONSTRAINTS has no TABLE_NAME (MariaDB's has). */
const BAD_FIELD = 1054;

/**
 * Reads the live tables the probes name and throws CheckForeignKeyConflictError when one would
 * put a CHECK and a foreign key that changes its column (see changingAction) on the same column,
 * which the server refuses. Probes marked `early` are read before the migration's first step
 * (nothing has changed yet), the others before their own step. Only reads.
 * @example await checkConflicts(connection, [{ kind: 'check', table: 'child', name: 'ck', expression: 'pid > 0' }])
 */
export async function checkConflicts(q: MysqlQueryable, probes: readonly ConflictProbe[]): Promise<void> {
  for (const p of probes) {
    const when = p.early ? 'preflight' : 'execute';
    if (p.kind === 'check') {
      for (const [name, key] of foreignKeys(await q.query(KEYS, [p.table]))) {
        const column = key.columns.find((c) => expressionNamesColumn(p.expression, c));
        if (key.action && column !== undefined) throw new CheckForeignKeyConflictError({ table: p.table, column, check: p.name, foreignKey: name, action: key.action, adding: 'check' }, when);
      }
    } else {
      for (const check of await checks(q, p.table)) {
        const column = p.columns.find((c) => expressionNamesColumn(String(check.clause), c));
        if (column !== undefined) throw new CheckForeignKeyConflictError({ table: p.table, column, check: String(check.name), foreignKey: p.name, action: p.action, adding: 'foreignKey' }, when);
      }
    }
  }
}

function foreignKeys(rows: readonly Row[]): Map<string, { columns: string[]; action: string | undefined }> {
  const out = new Map<string, { columns: string[]; action: string | undefined }>();
  for (const r of rows) {
    const name = String(r.name);
    const key = out.get(name) ?? { columns: [], action: changingAction({ onUpdate: String(r.update_rule ?? ''), onDelete: String(r.delete_rule ?? '') }) };
    key.columns.push(String(r.column_name));
    out.set(name, key);
  }
  return out;
}

async function checks(q: MysqlQueryable, table: string): Promise<readonly Row[]> {
  try {
    return await q.query(CHECKS_MARIADB, [table]);
  } catch (error) {
    if (errnoOf(error) !== BAD_FIELD) throw error;
    return q.query(CHECKS_MYSQL, [table]);
  }
}
