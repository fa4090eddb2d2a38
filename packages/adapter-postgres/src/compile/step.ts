import type { StatementStep } from '@ductape/core';
import type { RelationChange, RelationOrigin } from './relation-changes.js';

/** A statement step; `lockRetry` marks ALTERs on existing tables that are retried when lock_timeout fires. */
export interface PostgresStatementStep extends StatementStep {
  readonly lockRetry?: boolean;
  /**
   * The blocking equivalent of an outside-transaction statement (CREATE INDEX without
   * CONCURRENTLY), used when a caller runs the step inside a transaction anyway.
   */
  readonly inTransactionText?: string;
  /**
   * Set on CREATE INDEX CONCURRENTLY: before running, drop the index of this name if a failed
   * earlier build left it INVALID (a valid one is kept, and the create reports the conflict).
   * Part of the step itself, so a resumed migration does it again.
   */
  readonly replacesInvalidIndex?: { readonly schema: string; readonly name: string };
  /** The relation names (tables, indexes, …) of the schema this step creates, frees or renames, in order; read by preflight. */
  readonly relations?: readonly RelationChange[];
  /** Extensions whose types the statement uses (`citext`): preflight refuses the migration before any IO when pg_extension lacks one. */
  readonly extensions?: readonly string[];
  /** The migration and op the relation changes come from (set by compilePostgres). */
  readonly origin?: RelationOrigin;
}

/**
 * A SQL statement step (no parameters: DDL takes none; literals are quoted by quoteLiteral).
 * @example sql('DROP TABLE "public"."users"', 'drop table users')
 */
export function sql(
  text: string,
  summary: string,
  extra: {
    outsideTransaction?: boolean;
    lockRetry?: boolean;
    inTransactionText?: string;
    replacesInvalidIndex?: { schema: string; name: string };
    relations?: readonly RelationChange[];
    extensions?: readonly string[];
  } = {},
): PostgresStatementStep {
  return {
    kind: 'statement',
    text,
    summary,
    ...(extra.outsideTransaction ? { outsideTransaction: true } : {}),
    ...(extra.lockRetry ? { lockRetry: true } : {}),
    ...(extra.inTransactionText !== undefined ? { inTransactionText: extra.inTransactionText } : {}),
    ...(extra.replacesInvalidIndex ? { replacesInvalidIndex: extra.replacesInvalidIndex } : {}),
    ...(extra.relations && extra.relations.length > 0 ? { relations: extra.relations } : {}),
    ...(extra.extensions && extra.extensions.length > 0 ? { extensions: extra.extensions } : {}),
  };
}

/**
 * The CREATE INDEX CONCURRENTLY step of index `name`: outside the transaction, dropping an INVALID
 * leftover of a failed earlier build first, with its blocking form for callers inside a transaction.
 * @example concurrentIndex('public', 'idx', 'CREATE INDEX CONCURRENTLY …', 'CREATE INDEX …', 'create index idx')
 */
export function concurrentIndex(schema: string, name: string, text: string, blocking: string, summary: string, relations: readonly RelationChange[] = []): PostgresStatementStep {
  return sql(text, summary, { outsideTransaction: true, inTransactionText: blocking, replacesInvalidIndex: { schema, name }, relations });
}
