import type { CommandStep, StatementStep } from '@ductape/core';

/** A statement step; `lockRetry` marks ALTERs on existing tables that are retried when lock_timeout fires. */
export interface PostgresStatementStep extends StatementStep {
  readonly lockRetry?: boolean;
  /**
   * The blocking equivalent of an outside-transaction statement (CREATE INDEX without
   * CONCURRENTLY), used when a caller runs the step inside a transaction anyway.
   */
  readonly inTransactionText?: string;
}

/**
 * A SQL statement step (no parameters: DDL takes none; literals are quoted by quoteLiteral).
 * @example sql('DROP TABLE "public"."users"', 'drop table users')
 */
export function sql(text: string, summary: string, extra: { outsideTransaction?: boolean; lockRetry?: boolean; inTransactionText?: string } = {}): PostgresStatementStep {
  return {
    kind: 'statement',
    text,
    summary,
    ...(extra.outsideTransaction ? { outsideTransaction: true } : {}),
    ...(extra.lockRetry ? { lockRetry: true } : {}),
    ...(extra.inTransactionText !== undefined ? { inTransactionText: extra.inTransactionText } : {}),
  };
}

/** Name of the command that drops an index left INVALID by a failed concurrent build. */
export const DROP_INVALID_INDEX = 'dropInvalidIndex';

/**
 * A step that drops index `name` only when a failed CREATE INDEX CONCURRENTLY left it INVALID
 * (a valid index of that name is kept, and the create after it reports the conflict).
 * @example dropInvalidIndex('public', 'idx_users_email')
 */
export function dropInvalidIndex(schema: string, name: string): CommandStep {
  return { kind: 'command', name: DROP_INVALID_INDEX, args: { schema, name }, summary: `drop index "${name}" if a failed build left it INVALID`, outsideTransaction: true };
}
