export { MariadbAdapter, type MariadbAdapterOptions } from './mariadb-adapter.js';
export { createAdapter, createConnectionPool } from './create-adapter.js';
export { MariadbDriver, type MariadbDriverOptions } from './mariadb-driver.js';
export { compileMariadb } from './mariadb-compiler.js';
export { ColumnInForeignKeyError, ColumnNotRecreatableError, IndexKeyTooLongError, uniqueKeyName } from '@ductape/adapter-mysql/shared';
