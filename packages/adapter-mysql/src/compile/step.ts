import type { CommandStep, StatementStep } from '@ductape/core';

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
export interface MysqlStatementStep extends StatementStep {
  readonly fallbacks?: readonly AlterAttempt[];
  /** An ALTER on an existing table: retried when it times out waiting for the metadata lock. */
  readonly lockRetry?: boolean;
}

/**
 * A statement step without parameters (DDL takes none; literals are quoted by quoteLiteral).
 * @example sql('DROP TABLE `users`', 'drop table `users`')
 */
export function sql(text: string, summary: string, extra: { fallbacks?: readonly AlterAttempt[]; lockRetry?: boolean } = {}): MysqlStatementStep {
  return {
    kind: 'statement',
    text,
    summary,
    ...(extra.fallbacks && extra.fallbacks.length > 0 ? { fallbacks: extra.fallbacks } : {}),
    ...(extra.lockRetry ? { lockRetry: true } : {}),
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
