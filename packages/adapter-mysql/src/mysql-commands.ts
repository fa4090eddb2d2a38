import { type CommandStep, UnsupportedOperationError } from '@ductape/core';
import { COMMANDS } from './compile/step.js';
import { errnoOf, stepError } from './mysql-connection-error.js';
import type { MysqlConnection } from './mysql-driver.js';
import { quoteIdent } from './quote.js';

/** ER_DROP_INDEX_FK: the index is still needed by another foreign key. */
const INDEX_NEEDED_BY_FK = 1553;

/**
 * Runs a command step: the few steps that must look at the server before acting.
 * @example await runCommand({ kind: 'command', name: 'dropIndexIfPresent', args: { table: 't', name: 'fk' }, summary: '…' }, connection)
 */
export async function runCommand(step: CommandStep, connection: MysqlConnection): Promise<void> {
  try {
    switch (step.name) {
      case COMMANDS.dropIndexIfPresent:
        return await dropIndexIfPresent(connection, String(step.args.table), String(step.args.name));
      case COMMANDS.dropReferencingForeignKeys:
        return await dropReferencingForeignKeys(connection, String(step.args.table));
      default:
        throw new UnsupportedOperationError('MySQL/MariaDB', `the command "${step.name}"`, 'it is not one of the command steps of the MySQL-family adapter');
    }
  } catch (error) {
    if (error instanceof UnsupportedOperationError) throw error;
    throw stepError(error, step.summary);
  }
}

async function dropIndexIfPresent(c: MysqlConnection, table: string, name: string): Promise<void> {
  const rows = await c.query('SELECT 1 AS found FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND INDEX_NAME = ? LIMIT 1', [table, name]);
  if (rows.length === 0) return;
  try {
    await c.query(`ALTER TABLE ${quoteIdent(table, 'table')} DROP INDEX ${quoteIdent(name, 'index')}`);
  } catch (error) {
    if (errnoOf(error) !== INDEX_NEEDED_BY_FK) throw error;
  }
}

async function dropReferencingForeignKeys(c: MysqlConnection, table: string): Promise<void> {
  const rows = await c.query(
    'SELECT TABLE_NAME AS child, CONSTRAINT_NAME AS name FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = DATABASE() AND REFERENCED_TABLE_NAME = ? AND TABLE_NAME <> ? ORDER BY TABLE_NAME, CONSTRAINT_NAME',
    [table, table],
  );
  for (const r of rows) {
    await c.query(`ALTER TABLE ${quoteIdent(String(r.child), 'table')} DROP FOREIGN KEY ${quoteIdent(String(r.name), 'constraint')}`);
    await dropIndexIfPresent(c, String(r.child), String(r.name));
  }
}
