export { MysqlAdapter, type MysqlAdapterOptions } from './mysql-adapter.js';
export { createAdapter, createConnectionPool } from './create-adapter.js';
export { mysqlCapabilities } from './mysql-capabilities.js';
export { Mysql2Driver, type Mysql2DriverOptions } from './mysql2-driver.js';
export * from './shared.js';
