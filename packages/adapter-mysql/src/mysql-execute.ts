import { serverWarnings } from './ddl-warnings.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Step, StepOutcome } from '@ductape/core';
import type { AlterAttempt, MysqlStatementStep } from './compile/step.js';
import { checkColumnDrop } from './column-drop-check.js';
import type { MysqlCompileSettings } from './mysql-compile-settings.js';
import { fieldUniqueKeyName } from './field-unique-key.js';
import { checkConflicts } from './conflict-check.js';
import { foreignKeyIndexClauses, redundantForeignKeyIndexClauses } from './foreign-key-index.js';
import { checkIndexKey } from './index-key-check.js';
import { errnoOf, stepError } from './mysql-connection-error.js';
import type { MysqlConnection } from './mysql-driver.js';
import { runCommand } from './mysql-commands.js';
import { quoteIdent } from './quote.js';
import { legacyUniqueKeyName } from './compile/unique-key-name.js';
import { renameIndexClause } from './compile/unique-key-renames.js';
import type { MysqlLogger } from './mysql-logger.js';

/** ER_ALTER_OPERATION_NOT_SUPPORTED and …_REASON: the server refused an ALGORITHM/LOCK before changing anything. */
const ALGORITHM_REFUSED = new Set([1845, 1846]);
/** ER_LOCK_WAIT_TIMEOUT: the ALTER waited lock_wait_timeout for the table's metadata lock. */
const LOCK_WAIT_TIMEOUT = 1205;
/** ER_DROP_INDEX_FK: a foreign key needs the index (refused before any change). */
const INDEX_NEEDED_BY_FK = 1553;
/** ER_CANT_DROP_FIELD_OR_KEY: no index by that name (refused before any change). */
const NO_SUCH_KEY = 1091;
/** ER_KEY_DOES_NOT_EXITS: RENAME INDEX of a key that has no such name (refused before any change). */
const KEY_DOES_NOT_EXIST = 1176;

export interface ExecuteOptions {
  readonly logger: MysqlLogger;
  /** How many times an ALTER that timed out waiting for its metadata lock is tried again. */
  readonly lockRetries: number;
  /** The dialect compiled for (index key checks: MariaDB makes long unique keys hash indexes). */
  readonly dialect: MysqlCompileSettings;
}

/**
 * Runs one step on `connection`. A statement with fallbacks is tried with each algorithm in turn
 * while the server refuses it (errors 1845/1846 come before any change); moving to one that copies
 * the table or blocks writes is logged. ALTERs that time out on the metadata lock are retried.
 * An index a step builds is checked against the table's columns first (IndexKeyTooLongError), a
 * column a step drops against the foreign keys that use it (ColumnInForeignKeyError); a
 * drop of an index a foreign key needs (1553) is run again with the foreign key's own index added
 * back; a drop of a field's unique key by a name it does not have (1091), or a rename of it (1176),
 * with the name it has, and without the drop when the column has no unique key left (the step is
 * run again after it took effect). Checks a CHECK / foreign key pair the server would refuse first (see
 * conflict-check.ts); an ALTER that adds an index drops the foreign key's own index it makes
 * redundant, as InnoDB does with the one it made. Resolves to the warnings and notes the server
 * left about the statement (`SHOW WARNINGS`), which the engine shows and records with the step.
 * @example await executeStep(step, connection, { logger: consoleLogger, lockRetries: 3, dialect: MYSQL_DIALECT })
 */
export async function executeStep(step: Step, connection: MysqlConnection, options: ExecuteOptions): Promise<StepOutcome | undefined> {
  const conflicts = (step as MysqlStatementStep).conflicts;
  if (conflicts && conflicts.length > 0) await checkConflicts(connection, conflicts);
  if (step.kind === 'noop') return undefined;
  if (step.kind === 'command') {
    await runCommand(step, connection);
    return undefined;
  }
  let s = step as MysqlStatementStep;
  if (s.keyCheck) await checkIndexKey(connection, s.keyCheck, options.dialect);
  if (s.columnDrop) await checkColumnDrop(connection, s.columnDrop);
  if (s.addsIndex) s = withText(s, await redundantForeignKeyIndexClauses(connection, s.addsIndex.table, s.addsIndex.columns), 'dropping the index a foreign key no longer needs');
  // Each retry answers one refusal (which changed nothing); a key by another name may then be one a foreign key needs.
  for (let attempt = 0; ; attempt++) {
    try {
      const warnings = await runStatement(s, connection, options);
      return warnings.length > 0 ? { warnings } : undefined;
    } catch (error) {
      const retry = attempt < 2 ? await retryOf(s, error, connection) : undefined;
      if (!retry) throw error;
      s = retry;
    }
  }
}

/**
 * The same step with what the server said was missing (refused before any change), or undefined:
 * a foreign key's own index added to a DROP INDEX the key needs; a field's unique key by its real name.
 */
async function retryOf(s: MysqlStatementStep, error: unknown, connection: MysqlConnection): Promise<MysqlStatementStep | undefined> {
  const errno = errnoOf(error);
  if (errno === INDEX_NEEDED_BY_FK && s.dropsIndex) {
    const clauses = await foreignKeyIndexClauses(connection, s.dropsIndex.table, s.dropsIndex.index);
    if (clauses.length === 0) return undefined;
    const { dropsIndex: _d, ...rest } = s;
    return withText(rest, clauses, 'adding back the index of the foreign key that needs it');
  }
  if (errno === KEY_DOES_NOT_EXIST && s.uniqueKeyRenames) {
    const { table, renames } = s.uniqueKeyRenames;
    const swaps: [string, string][] = [];
    for (const r of renames) {
      const real = await fieldUniqueKeyName(connection, table, r.column);
      if (real === r.from) continue;
      // A key named after the column (earlier versions) follows the column, or keeps its name.
      const legacy = real !== undefined && real === legacyUniqueKeyName(r.column) && r.newColumn !== r.column;
      swaps.push([`, ${renameIndexClause(r)}`, legacy ? `, ${renameIndexClause({ from: real, to: legacyUniqueKeyName(r.newColumn) })}` : '']);
    }
    if (swaps.length === 0) return undefined;
    const rewrite = (text: string): string => swaps.reduce((t, [from, to]) => t.replace(from, to), text);
    const { uniqueKeyRenames: _u, ...rest } = s;
    return { ...rest, text: rewrite(s.text), ...(s.fallbacks ? { fallbacks: s.fallbacks.map((f) => ({ ...f, text: rewrite(f.text) })) } : {}) };
  }
  if (errno === NO_SUCH_KEY && s.fieldUniqueKey) {
    const real = await fieldUniqueKeyName(connection, s.fieldUniqueKey.table, s.fieldUniqueKey.column);
    if (real === s.fieldUniqueKey.name) return undefined;
    const from = `DROP INDEX ${quoteIdent(s.fieldUniqueKey.name, 'index')}`;
    // No unique key on the column by any name: the step is being run again after its statement took
    // effect (a runner killed before recording it; core cannot check a modifyField's effect), so the
    // drop is done: the rest of the statement (MODIFY COLUMN to the same definition) runs alone.
    if (real === undefined) return withoutClause(s, from);
    const to = `DROP INDEX ${quoteIdent(real, 'index')}`;
    const { fieldUniqueKey: _f, ...rest } = s;
    return {
      ...rest,
      text: s.text.replace(from, to),
      ...(s.fallbacks ? { fallbacks: s.fallbacks.map((f) => ({ ...f, text: f.text.replace(from, to) })) } : {}),
      ...(s.dropsIndex ? { dropsIndex: { ...s.dropsIndex, index: real } } : {}),
    };
  }
  return undefined;
}

/** The step without one clause of its ALTER (and of each fallback), which no longer drops an index. */
function withoutClause(s: MysqlStatementStep, clause: string): MysqlStatementStep | undefined {
  const rewrite = (text: string): string => text.replace(`, ${clause}`, '');
  if (!s.text.includes(`, ${clause}`)) return undefined;
  const { fieldUniqueKey: _f, dropsIndex: _d, ...rest } = s;
  return { ...rest, text: rewrite(s.text), ...(s.fallbacks ? { fallbacks: s.fallbacks.map((f) => ({ ...f, text: rewrite(f.text) })) } : {}) };
}

/** The step with `clauses` added to its ALTER (and to each fallback), its summary saying why. */
function withText(s: MysqlStatementStep, clauses: readonly string[], why: string): MysqlStatementStep {
  if (clauses.length === 0) return s;
  const rewrite = (text: string): string => withClauses(text, clauses);
  return { ...s, text: rewrite(s.text), summary: `${s.summary}, ${why}`, ...(s.fallbacks ? { fallbacks: s.fallbacks.map((f) => ({ ...f, text: rewrite(f.text) })) } : {}) };
}

/** `clauses` inserted before the ALGORITHM clause of an ALTER (or at its end). */
function withClauses(text: string, clauses: readonly string[]): string {
  const at = text.lastIndexOf(', ALGORITHM=');
  const extra = clauses.map((c) => `, ${c}`).join('');
  return at < 0 ? `${text}${extra}` : `${text.slice(0, at)}${extra}${text.slice(at)}`;
}

/** Runs the statement (with its fallbacks); resolves to what the server warned about it (SHOW WARNINGS). */
async function runStatement(s: MysqlStatementStep, connection: MysqlConnection, options: ExecuteOptions): Promise<readonly string[]> {
  const attempts: AlterAttempt[] = [{ text: s.text, algorithm: algorithmOf(s.text), blocksWrites: false }, ...(s.fallbacks ?? [])];
  for (let i = 0; i < attempts.length; i++) {
    const attempt = attempts[i] as AlterAttempt;
    try {
      await withLockRetry(() => connection.query(attempt.text), s, options);
      return await serverWarnings(connection);
    } catch (error) {
      const next = attempts[i + 1];
      if (!next || !ALGORITHM_REFUSED.has(errnoOf(error) ?? 0)) throw stepError(error, s.summary);
      if (next.blocksWrites) options.logger.warn(refusedMessage(s.summary, attempt.algorithm, next, error));
    }
  }
  return []; // not reached: the last attempt returns or throws
}

async function withLockRetry(run: () => Promise<unknown>, step: MysqlStatementStep, options: ExecuteOptions): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await run();
      return;
    } catch (error) {
      if (!step.lockRetry || errnoOf(error) !== LOCK_WAIT_TIMEOUT || attempt >= options.lockRetries) throw error;
      const wait = 500 * 2 ** attempt;
      options.logger.warn(`${step.summary}: timed out waiting for the table's metadata lock (a long transaction holds it); trying again in ${wait} ms (${attempt + 1} of ${options.lockRetries})`);
      await sleep(wait);
    }
  }
}

function refusedMessage(summary: string, refused: string, next: AlterAttempt, error: unknown): string {
  const reason = (error as { sqlMessage?: string; text?: string; message?: string }).sqlMessage ?? (error as { message?: string }).message ?? '';
  const effect = next.algorithm === 'COPY' ? 'the table is copied row by row and writes to it wait until the copy ends' : 'writes to the table wait until it ends (no copy)';
  return `table copy: ${summary} — the server refused ALGORITHM=${refused} (${reason.replace(/\s+/g, ' ').trim()}); running it with ALGORITHM=${next.algorithm}: ${effect}`;
}

function algorithmOf(text: string): string {
  return /ALGORITHM=([A-Z]+(?:, LOCK=[A-Z]+)?)$/.exec(text)?.[1] ?? 'DEFAULT';
}
