import type { Migration, Operation } from '@ductape/core';
import type { DynamoFeatures } from './dynamo-probe.js';

/** What the per-operation compile functions need besides the op. Pure data and pure functions. */
export interface DynamoCompileSettings {
  /** The DynamoDB table name of a collection (the adapter's table prefix applied). */
  readonly tableName: (collection: string) => string;
  readonly migration: Migration;
  /** The ops before this one in the same direction (a field renamed earlier in the migration keeps its type). */
  readonly earlier: readonly Operation[];
  /** False on DynamoDB Local: createCollection adds each GSI with an UpdateTable of its own (see DynamoFeatures). */
  readonly gsisInCreateTable: boolean;
  /** What the endpoint supports (probed at connect): settings it lacks are refused before any change. */
  readonly features: DynamoFeatures;
}

/**
 * The old name of `DynamoCompileSettings`.
 * @deprecated Use `DynamoCompileSettings` (every adapter names its compile settings `<Db>CompileSettings`).
 */
export type CompileEnv = DynamoCompileSettings;
