import { describeConnection, parseConnection } from './connection-settings.js';
import { MYSQL_DIALECT } from './mysql-compile-settings.js';
import { MysqlFamilyAdapter, type MysqlFamilyUserOptions } from './mysql-family-adapter.js';
import type { MysqlDriver } from './mysql-driver.js';
import { Mysql2Driver } from './mysql2-driver.js';

/** Options of MysqlAdapter: connection, poolSize, lockWaitTimeoutSeconds, lockRetries, logger, settleTimeoutMs. */
export type MysqlAdapterOptions = MysqlFamilyUserOptions;

/**
 * The MySQL adapter (mysql2). Compiles MySQL 8 SQL: uuid is CHAR(36), JSON is JSON, online DDL
 * by default. Also runs on a MariaDB server (that is where it is tested here); use
 * @ductape/adapter-mariadb there for MariaDB's native UUID type.
 * @example
 * const adapter = new MysqlAdapter({ connection: 'mysql://root@127.0.0.1:3306/app' });
 * await adapter.connect();
 * await new MigrationEngine(adapter).up(m);
 */
export class MysqlAdapter extends MysqlFamilyAdapter {
  /** `driver`: another MysqlDriver (a fleet's PooledMysqlDriver); default a Mysql2Driver of its own. */
  constructor(options: MysqlAdapterOptions, driver?: MysqlDriver) {
    const settings = parseConnection(options.connection);
    super({
      name: 'mysql',
      driver: driver ?? new Mysql2Driver({ settings, poolSize: options.poolSize, lockWaitTimeoutSeconds: options.lockWaitTimeoutSeconds }),
      dialect: MYSQL_DIALECT,
      where: describeConnection(settings),
      logger: options.logger,
      lockRetries: options.lockRetries,
      settleTimeoutMs: options.settleTimeoutMs,
    });
  }
}
