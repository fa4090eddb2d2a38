import type { CollectionOptions, IndexOptions, Migration, RunResult } from '@ductape/core';

/** What a `db.schema.*` call returns when it applies: the migration it generated and what the run did. */
export interface SchemaResult {
  readonly migration: Migration;
  readonly result: RunResult;
}

/** What a `db.schema.*` call with `{ apply: false }` returns: the migration, not run (`result: null`). */
export interface BuiltSchemaMigration {
  readonly migration: Migration;
  readonly result: null;
}

/** Options every `db.schema.*` call accepts. */
export interface ApplyOptions {
  /**
   * `false`: build the migration (reading the live schema, as always) and return it without
   * applying it — nothing is changed in the database and nothing is recorded in history; the
   * production guard does not ask, since nothing runs. Default `true`.
   */
  readonly apply?: boolean;
}

/**
 * The result type of a call with options `O`: `BuiltSchemaMigration` for `{ apply: false }`,
 * `SchemaResult` when `apply` is `true` or left out, either when it is only known as a boolean.
 */
export type SchemaOutcome<O> = 'apply' extends keyof O ? ApplyOutcome<O[keyof O & 'apply']> : SchemaResult;

type ApplyOutcome<A> = [A] extends [true | undefined] ? SchemaResult : [A] extends [false] ? BuiltSchemaMigration : SchemaResult | BuiltSchemaMigration;

/** Options every destructive call accepts. */
export interface DestructiveOptions extends ApplyOptions {
  /** Confirms a destructive change on a protected environment (prd). */
  readonly confirm?: boolean;
}

export type CreateOptions = CollectionOptions & ApplyOptions;

export interface CreateIndexOptions extends IndexOptions, ApplyOptions {
  /** Index name (default `idx_<collection>_<fields>`). */
  readonly name?: string;
}

export interface DropOptions extends DestructiveOptions {
  readonly cascade?: boolean;
}
