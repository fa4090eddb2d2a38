// The driver-agnostic MySQL-family core: what @ductape/adapter-mariadb imports. Never loads mysql2.
export { MysqlFamilyAdapter, type MysqlFamilyOptions, type MysqlFamilyUserOptions } from './mysql-family-adapter.js';
export { compileMysql, rawDialectsOf } from './mysql-compiler.js';
export { MYSQL_DIALECT, MARIADB_DIALECT, atLeast, mariadbDialectFor, parseServerVersion, unsupportedServer, type MysqlDialect, type ServerVersion } from './dialect.js';
export { columnType, DEFAULT_FSP, DEFAULT_LENGTH } from './compile/column-type.js';
export { COMMANDS, type AlterAttempt, type MysqlStatementStep } from './compile/step.js';
export { sessionSetup, type MysqlConnection, type MysqlDriver, type MysqlQueryable, type Row } from './mysql-driver.js';
export { parseConnection, describeConnection, type MysqlConnectionSettings } from './connection-settings.js';
export { MysqlConnectionError, errnoOf } from './mysql-connection-error.js';
export { MysqlHistoryStore, HISTORY_TABLE } from './mysql-history.js';
export { MysqlLockStore, LOCK_TABLE } from './mysql-lock.js';
export { lockName } from './lock-name.js';
export { introspectTable } from './mysql-introspector.js';
export { parseColumnType, parseEnumValues } from './introspect/parse-type.js';
export { parseDefault } from './introspect/parse-default.js';
export { consoleLogger, silentLogger, type MysqlLogger } from './mysql-logger.js';
export type { MysqlSession } from './mysql-session.js';
export { quoteIdent, quoteLiteral, unquoteLiteral, mysqlIdentifierProblem, MAX_MYSQL_IDENTIFIER_LENGTH } from './quote.js';
