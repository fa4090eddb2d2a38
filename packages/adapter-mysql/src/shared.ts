// The driver-agnostic MySQL-family core: what @ductape/adapter-mariadb imports. Never loads mysql2.
export { MysqlFamilyAdapter, type MysqlFamilyOptions, type MysqlFamilyUserOptions } from './mysql-family-adapter.js';
export { compileMysql, rawDialectsOf } from './mysql-compiler.js';
export {
  MYSQL_DIALECT,
  MARIADB_DIALECT,
  atLeast,
  mariadbDialectFor,
  parseServerVersion,
  unsupportedServer,
  type MysqlCompileSettings,
  type MysqlDialect,
  type ServerVersion,
} from './mysql-compile-settings.js';
export { columnType, DEFAULT_FSP, DEFAULT_LENGTH } from './compile/column-type.js';
export { COMMANDS, type AlterAttempt, type MysqlStatementStep } from './compile/step.js';
export { sessionSetup, type MysqlConnection, type MysqlDriver, type MysqlQueryable, type Row } from './mysql-driver.js';
export { parseConnection, describeConnection, type MysqlConnectionSettings } from './connection-settings.js';
export { MysqlConnectionError, errnoOf } from './mysql-connection-error.js';
export { MysqlHistoryStore, HISTORY_TABLE, type HistoryFence } from './mysql-history.js';
export { MysqlLockStore, LOCK_TABLE } from './mysql-lock.js';
export { MysqlLeaseLock } from './lease-lock.js';
export { LEASE_TABLE } from './lease-table.js';
export { LeaseFencedError } from './lease-fenced-error.js';
export { detectCluster, type MysqlClusterKind } from './cluster-detect.js';
export { ClusterNodeNotReadyError, isCertificationConflict, isNodeNotReady } from './cluster-errors.js';
export { lockName } from './lock-name.js';
export { MysqlServerPool, type OpenMysqlConnection } from './mysql-server-pool.js';
export { PooledMysqlDriver } from './pooled-mysql-driver.js';
export { introspectTable } from './mysql-introspector.js';
export { parseColumnType, parseEnumValues } from './introspect/parse-type.js';
export { parseDefault } from './introspect/parse-default.js';
export { consoleLogger, silentLogger, type MysqlLogger } from './mysql-logger.js';
export type { MysqlSession } from './mysql-session.js';
export { quoteIdent, quoteLiteral, unquoteLiteral, mysqlIdentifierProblem, MAX_MYSQL_IDENTIFIER_LENGTH } from './quote.js';
export { WorkStillRunningError, type RunningWork } from './settle/work-still-running-error.js';
export { WORK_MARK } from './settle/work-marker.js';
export { IndexKeyTooLongError } from './compile/index-key-error.js';
export { uniqueKeyName } from './compile/unique-key-name.js';
export { ColumnInForeignKeyError, type ForeignKeyUse } from './compile/column-in-foreign-key-error.js';
export { ColumnNotRecreatableError } from './compile/column-not-recreatable-error.js';
export { CheckForeignKeyConflictError, type CheckForeignKeyConflict } from './compile/check-foreign-key-conflict-error.js';
export { parseNativeType, NOT_KEPT, type NativeColumn } from './compile/native-type.js';
export { updateRowsMysql } from './data/update-rows.js';
export { DATA_PROGRESS_TABLE } from './data/data-progress.js';
export { MysqlUpdateError } from './data/update-error.js';
export { compileBatchEnd, compileUpdateBatch, type UpdateBatchStatement, type UpdatePlan } from './data/compile-update-batch.js';
export { planUpdate } from './data/update-plan.js';
