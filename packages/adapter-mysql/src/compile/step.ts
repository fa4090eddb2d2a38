import type { CommandStep, IndexField, StatementStep } from '@ductape/core';
import type { ConflictProbe } from './check-foreign-key-conflict.js';
import type { UniqueKeyRename } from './unique-key-renames.js';

/** How an ALTER runs: its ALGORITHM/LOCK clause, and whether it blocks writes or copies the table. */
export interface AlterAttempt {
  readonly text: string;
  /** e.g. 'INSTANT', 'INPLACE, LOCK=NONE', 'COPY'. */
  readonly algorithm: string;
  /** True when concurrent writes wait for the whole statement (COPY, LOCK=SHARED). */
  readonly blocksWrites: boolean;
}

/**
 * A MySQL statement step. `fallbacks` are the same change with less online algorithms: when the
 * server refuses an algorithm (errors 1845/1846, before it changes anything) the executor tries
 * the next, and says in a log line when the one it runs copies the table or blocks writes.
 */
export interface MysqlStatementStep extends StatementStep, ConflictChecks {
  readonly fallbacks?: readonly AlterAttempt[];
  /** An ALTER on an existing table: retried when it times out waiting for the metadata lock. */
  readonly lockRetry?: boolean;
  /** An index the statement adds: the executor checks its key against the table's columns first (IndexKeyTooLongError). */
  readonly keyCheck?: KeyCheck;
  /**
   * The statement drops this index. When the server refuses because a foreign key needs it
   * (error 1553, before any change), the executor runs it again with the index InnoDB made for
   * that foreign key added back in the same ALTER (see foreign-key-index.ts).
   */
  readonly dropsIndex?: { readonly table: string; readonly index: string };
  /**
   * The statement drops the unique key of a field by its portable name (`<table>_<column>_key`).
   * When the server says there is no such index (error 1091, before any change), the executor
   * runs it again with the name the key really has (earlier versions named it after the column).
   */
  readonly fieldUniqueKey?: { readonly table: string; readonly column: string; readonly name: string };
  /**
   * The statement drops this column. The executor first looks for a foreign key that uses it (of
   * the table, or of another table referencing it) and refuses with ColumnInForeignKeyError before
   * the ALTER runs, instead of the server's errno 1553/1828/1829 (see column-drop-check.ts).
   */
  readonly columnDrop?: { readonly table: string; readonly column: string };
  /**
   * The statement renames these field unique keys of `table` (the table's name before it runs) so
   * they follow a renamed table or column. When the server says a key has no such name (error
   * 1176, before any change), the executor runs it again with the name the key really has (a key
   * named after the column by an earlier version follows the column, or keeps its name).
   */
  readonly uniqueKeyRenames?: { readonly table: string; readonly renames: readonly UniqueKeyRename[] };
  /**
   * The statement adds an index on these columns of `table`. InnoDB drops the index it made for a
   * foreign key when another index can serve the key; the executor drops, in the same ALTER, an
   * index named after a foreign key on exactly its columns that the new index serves, so a down
   * that recreates an index leaves the table as it was (see foreign-key-index.ts).
   */
  readonly addsIndex?: { readonly table: string; readonly columns: readonly string[] };
}

/**
 * Checks the executor runs against the live tables before the statement (and, when the step is
 * the migration's first, for the later steps too): a CHECK and a foreign key with a referential
 * action that changes the column may not share a column (CheckForeignKeyConflictError).
 */
export interface ConflictChecks {
  readonly conflicts?: readonly ConflictProbe[];
}

/** What the executor needs to check an index's key length on the real table. */
export interface KeyCheck {
  readonly table: string;
  readonly index: string;
  readonly fields: readonly IndexField[];
  readonly unique?: boolean;
  readonly using?: string;
}

/** Extra parts of a statement step. */
export type StepExtra = Partial<Pick<MysqlStatementStep, 'fallbacks' | 'lockRetry' | 'keyCheck' | 'dropsIndex' | 'fieldUniqueKey' | 'columnDrop' | 'uniqueKeyRenames' | 'addsIndex' | 'conflicts'>>;

/**
 * A statement step without parameters (DDL takes none; literals are quoted by quoteLiteral).
 * @example sql('DROP TABLE `users`', 'drop table `users`')
 */
export function sql(text: string, summary: string, extra: StepExtra = {}): MysqlStatementStep {
  const { fallbacks, lockRetry, ...rest } = extra;
  return {
    kind: 'statement',
    text,
    summary,
    ...(fallbacks && fallbacks.length > 0 ? { fallbacks } : {}),
    ...(lockRetry ? { lockRetry: true } : {}),
    ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
  };
}

/** Command names the MySQL-family executor runs (steps that must look at the server first). */
export const COMMANDS = {
  /** Drops index `name` of `table` if it still exists (the index MySQL made for a foreign key). */
  dropIndexIfPresent: 'dropIndexIfPresent',
  /** Drops every foreign key of another table that references `table`, and the index MySQL made for it (DROP TABLE … CASCADE). */
  dropReferencingForeignKeys: 'dropReferencingForeignKeys',
} as const;

/**
 * A command step.
 * @example command(COMMANDS.dropIndexIfPresent, { table: 'posts', name: 'fk_posts_author' }, 'drop the index of fk_posts_author')
 */
export function command(name: string, args: { readonly [key: string]: unknown }, summary: string): CommandStep {
  return { kind: 'command', name, args, summary };
}
