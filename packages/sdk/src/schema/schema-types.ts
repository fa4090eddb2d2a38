import type { CollectionOptions, IndexOptions, Migration, RunResult } from '@ductape/core';

/** What every `db.schema.*` call returns: the migration it generated and what the run did. */
export interface SchemaResult {
  readonly migration: Migration;
  readonly result: RunResult;
}

/** Options every destructive call accepts. */
export interface DestructiveOptions {
  /** Confirms a destructive change on a protected environment (prd). */
  readonly confirm?: boolean;
}

export type CreateOptions = CollectionOptions;

export interface CreateIndexOptions extends IndexOptions {
  /** Index name (default `idx_<collection>_<fields>`). */
  readonly name?: string;
}

export interface DropOptions extends DestructiveOptions {
  readonly cascade?: boolean;
}
