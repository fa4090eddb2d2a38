import { MARIADB_DIALECT, MysqlFamilyAdapter, describeConnection, mariadbDialectFor, parseConnection, type MysqlDriver, type MysqlFamilyUserOptions } from '@ductape/adapter-mysql/shared';
import { MariadbDriver } from './mariadb-driver.js';

/** Options of MariadbAdapter: connection, poolSize, lockWaitTimeoutSeconds, lockRetries, logger, settleTimeoutMs. */
export type MariadbAdapterOptions = MysqlFamilyUserOptions;

/**
 * The MariaDB adapter (mariadb connector). Same compiler as MySQL where the dialects agree;
 * uuid is MariaDB's native UUID type from 10.7 (CHAR(36) before: connect() reads the version),
 * JSON is MariaDB's alias (LONGTEXT with a json_valid check), raw 'mariadb' and 'mysql' SQL runs.
 * @example
 * const adapter = new MariadbAdapter({ connection: 'mariadb://root@127.0.0.1:3306/app' });
 * await adapter.connect();
 * await new MigrationEngine(adapter).up(m);
 */
export class MariadbAdapter extends MysqlFamilyAdapter {
  /** `driver`: another MysqlDriver (a fleet's PooledMysqlDriver); default a MariadbDriver of its own. */
  constructor(options: MariadbAdapterOptions, driver?: MysqlDriver) {
    const settings = parseConnection(options.connection);
    super({
      name: 'mariadb',
      driver: driver ?? new MariadbDriver({ settings, poolSize: options.poolSize, lockWaitTimeoutSeconds: options.lockWaitTimeoutSeconds }),
      dialect: MARIADB_DIALECT,
      dialectFor: mariadbDialectFor,
      where: describeConnection(settings),
      logger: options.logger,
      lockRetries: options.lockRetries,
      settleTimeoutMs: options.settleTimeoutMs,
    });
  }
}
