export { MysqlAdapter, createAdapter, createConnectionPool, type MysqlAdapterOptions } from './mysql-adapter.js';
export { Mysql2Driver, type Mysql2DriverOptions } from './mysql2-driver.js';
export * from './shared.js';
