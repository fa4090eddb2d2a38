/** What the connected server can do, probed at connect (see mongo-probe.ts). */
export interface ServerFeatures {
  /** `$jsonSchema` validators on create (and validationLevel / validationAction). */
  readonly validators: boolean;
  /** The `collMod` command (validator updates after create). */
  readonly collMod: boolean;
  /** `partialFilterExpression` on indexes. */
  readonly partialIndexes: boolean;
  /** `expireAfterSeconds` (TTL) on indexes. */
  readonly ttlIndexes: boolean;
  /** Multi-document transactions (replica set or sharded cluster). */
  readonly transactions: boolean;
  /** Updates with an aggregation pipeline (`u: [{ $set: … }]`), used by data migrations. */
  readonly pipelineUpdates: boolean;
  /** A default `collation` on create (MongoDB 3.4+). */
  readonly collation: boolean;
  /** `collation` on an index (MongoDB 3.4+). */
  readonly indexCollation: boolean;
  /** Time-series collections (`timeseries` on create, MongoDB 5.0+). */
  readonly timeseries: boolean;
  /**
   * Clustered collections (`clusteredIndex` on create, MongoDB 5.3+). Probed by reading the option
   * back: FerretDB 1.24 answers ok to it and creates an ordinary collection.
   */
  readonly clusteredCollections: boolean;
  /**
   * The most statements one write command (a bulkWrite's `update`) may carry. FerretDB 1.x keeps
   * one SQLite connection open per statement until the command ends, from a pool of 100: a
   * command of about 100 statements deadlocks the whole server.
   */
  readonly statementsPerWrite: number;
  /**
   * The most index specifications one `createIndexes` may carry. FerretDB 1.x panics (and closes
   * the connection) when two of them already exist with the same name and key.
   */
  readonly indexesPerCreate: number;
}

/**
 * What MongoDB 6.0+ on a replica set can do: the assumption before connect (and for `plan`
 * without a server), and what the adapter compiles for unless probing says otherwise.
 * @example compileMongo(op, ctx, { features: MONGODB_FEATURES })
 */
export const MONGODB_FEATURES: ServerFeatures = Object.freeze({
  validators: true,
  collMod: true,
  partialIndexes: true,
  ttlIndexes: true,
  transactions: true,
  pipelineUpdates: true,
  collation: true,
  indexCollation: true,
  timeseries: true,
  clusteredCollections: true,
  statementsPerWrite: 100_000,
  indexesPerCreate: 64,
});

/**
 * The write limits of FerretDB 1.x (see ServerFeatures), found from `buildInfo.ferretdbVersion`.
 * @example probeFeatures(driver) // on FerretDB: { …, statementsPerWrite: 50, indexesPerCreate: 1 }
 */
export const FERRETDB_WRITE_LIMITS = Object.freeze({ statementsPerWrite: 50, indexesPerCreate: 1 });

/**
 * What to do when the server lacks a feature an operation needs: 'error' (default) refuses the
 * operation at compile time, before any IO; 'warn' runs it without the missing part and logs a
 * warning when the step runs (validators skipped, unique fields indexed without a partial filter).
 */
export type MissingFeaturePolicy = 'error' | 'warn';

/** Everything compile reads besides the op: pure data. */
export interface MongoCompileSettings {
  readonly features: ServerFeatures;
  readonly onMissingFeature: MissingFeaturePolicy;
  /** Documents per batch of a field rename or unset (default 1000). */
  readonly batchSize: number;
  /** Fill a new field's default into existing documents (default true). */
  readonly backfillDefaults: boolean;
  /** Copy a dropped field's values to `_ductape_backup.<coll>.<field>` first, so its down restores them (default false). */
  readonly backupDroppedFields: boolean;
}

/** Settings for full MongoDB, refusing what is missing. */
export const DEFAULT_SETTINGS: MongoCompileSettings = Object.freeze({
  features: MONGODB_FEATURES,
  onMissingFeature: 'error',
  batchSize: 1000,
  backfillDefaults: true,
  backupDroppedFields: false,
});
