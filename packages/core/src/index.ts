export { ErrorCodes, type ErrorCode } from './errors/error-codes.js';
export { DuctapeError } from './errors/ductape-error.js';
export {
  ChecksumMismatchError,
  CompensationImpossibleError,
  FailedMigrationPendingError,
  InvalidArgumentError,
  IrreversibleMigrationError,
  LockLostError,
  LockTimeoutError,
  MigrationFailedError,
  NotAppliedError,
  UnsupportedOperationError,
  ValidationError,
  type ValidationIssue,
} from './errors/errors.js';
export { redactSecrets } from './errors/redact.js';
export { assertNativeDialect } from './helpers/native-dialect.js';

export {
  FIELD_TYPES,
  INTEGER_TYPES,
  NUMERIC_TYPES,
  POSTGRES_FIELD_TYPES,
  SIZED_TYPES,
  STRING_TYPES,
  TEMPORAL_PRECISION_TYPES,
  TEXT_SIZES,
  UNSIGNED_TYPES,
  ZONED_TYPES,
  fieldDialect,
  isFieldType,
  type FieldType,
  type TextSize,
} from './model/field-types.js';
export { isNotNull, type FieldReference, type DefaultValue, type FieldChanges, type FieldDefinition, type FieldOptions, type FieldSpec, type FunctionDefault } from './model/field.js';
export type { IndexDefinition, IndexField, IndexOptions, SimilarityFunction } from './model/index-definition.js';
export { SIMILARITY_FUNCTIONS } from './model/index-definition.js';
export type { CheckConstraint, ConstraintDefinition, ForeignKeyConstraint, PrimaryKeyConstraint, ReferentialAction, UniqueConstraint } from './model/constraint.js';
export type { CassandraOptions, CollectionOptions, DynamoKey, DynamoKeyType, DynamoOptions, DynamoSecondaryIndex, DynamoStreamViewType, MongoOptions, SqlOptions } from './model/collection-options.js';
export { OPTION_CHANGE_BLOCKS, type CassandraOptionChanges, type CollectionOptionChanges, type DynamoOptionChanges } from './model/collection-option-changes.js';
export { CASSANDRA_OPTION_KEYS, applyCassandraChanges, previousCassandra } from './ops/cassandra-option-changes.js';
export { DYNAMO_GROUPS, applyDynamoChanges, dynamoGroups, previousDynamo, type DynamoGroup } from './ops/dynamo-option-changes.js';
export {
  OPERATION_TYPES,
  assertNever,
  type AddConstraintOp,
  type AddFieldOp,
  type AlterCollectionOptionsOp,
  type AlterTypeOp,
  type CollectionSnapshot,
  type CreateCollectionOp,
  type CreateIndexOp,
  type CreateTypeOp,
  type DropCollectionOp,
  type DropConstraintOp,
  type DropFieldOp,
  type FieldPosition,
  type DropIndexOp,
  type DropTypeOp,
  type ModifyFieldOp,
  type Operation,
  type OperationType,
  type RawDialect,
  type RawOp,
  type RawStatement,
  type RenameCollectionOp,
  type RenameFieldOp,
} from './model/operation.js';
export type { Migration } from './model/migration.js';
export { inverseOf } from './ops/inverse.js';
export { applyChanges } from './ops/field-changes.js';
export type { CapabilityFlag, CapabilityRefusal, FieldReplay, Inverse, LiveSchema, MemoryCollections, OperationModule, OperationOf, SchemaCopy } from './ops/operation-module.js';
export { OPERATIONS, operationModule, type OperationModules } from './ops/registry.js';
export { compileWith, type OperationCompilers } from './ops/operation-compilers.js';

export { MigrationBuilder, migration } from './builder/migration-builder.js';
export { normalizeField, normalizeFields, timestampFields, type FieldsInput } from './builder/normalize-fields.js';
export { MigrationHelpers } from './helpers/migration-helpers.js';
export { canonicalJson } from './helpers/canonical-json.js';
export { checksum } from './helpers/checksum.js';
export { generateTag } from './helpers/tag.js';
export { pollUntilEmpty } from './helpers/poll-until-empty.js';
export { identifierProblem, migrationNameProblem, MAX_IDENTIFIER_LENGTH } from './helpers/identifiers.js';
export { validationIssues } from './helpers/validate-migration.js';
export { nativeTypeProblem } from './helpers/validate-field.js';
export { foreignKeyName, portableName, uniqueKeyName, PORTABLE_NAME_BYTES } from './helpers/constraint-names.js';
export { createdEarlier, droppedLater } from './helpers/table-state.js';
export { columnSize } from './helpers/column-size.js';

export { OPTIONAL_ADAPTER_METHODS } from './adapter/adapter.js';
export type { Adapter, CompileContext, LiveRead, ReferencingKey, StepOutcome } from './adapter/adapter.js';
export type { AdapterFactory, AdapterTarget, ConnectionPool, ConnectionPoolFactory } from './adapter/adapter-factory.js';
export { LendingPool, type LendingPoolSlots, connectionPoolMax } from './adapter/lending-pool.js';
export type { Capabilities } from './adapter/capabilities.js';
export { baseCapabilities } from './adapter/base-capabilities.js';
export type { HistoryEntry, HistoryRow, HistoryStatus, HistoryStore, HistoryWriteOptions, StepWarning } from './adapter/history.js';
export type { AcquireResult, LockHandle, LockOwner, LockStore } from './adapter/lock.js';
export type { Session } from './adapter/session.js';
export type { CommandStep, NoopStep, StatementStep, Step, StepEffect } from './adapter/step.js';
export { effectsOfOperation } from './engine/step-effects.js';

export { MigrationEngine } from './engine/migration-engine.js';
export type { PlannedSteps } from './engine/preview.js';
export { inApplyOrder } from './engine/apply-order.js';
export { missingPrevious, needsResolution } from './engine/resolve.js';
export type { EngineOptions, MigrationStatus, ProgressEvent, Recovery, RunOutcome, RunResult, UpAllOptions, UpOptions } from './engine/engine-options.js';

export type { FieldCondition, Literal, PlannedStatement, UpdateDryRun, UpdateOptions, UpdateProgress, UpdateRequest, UpdateResult, ValueExpression } from './data/update-request.js';
export { DEFAULT_MAX_LOCK_MS, MIN_BATCH_SIZE, nextBatchSize } from './data/batch-size.js';
export { progressEvent } from './data/update-progress.js';
export { UpdateBatches } from './data/update-batches.js';
export { resolveExpression, type ResolvedExpression } from './data/resolve-expression.js';
export { resolveUpdate, type ComparisonOperator, type ResolvedCondition, type ResolvedUpdate } from './data/resolve-update.js';
export type { DataAdapter } from './adapter/data-adapter.js';
export { evaluateExpression, updateEvaluator, type EvaluatedUpdate, type PlainRow, type UpdateEvaluator } from './data/evaluate-update.js';
export { rowMatches } from './data/match-where.js';
export { RowEvaluationError } from './data/row-evaluation-error.js';
export { updateTypeIssues } from './data/check-update-types.js';
export { isSqlNull, numeric, sqlCompare, sqlText } from './data/sql-values.js';
