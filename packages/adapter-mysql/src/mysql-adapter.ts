import type { AdapterTarget, ConnectionPoolFactory } from '@ductape/core';
import { describeConnection, parseConnection } from './connection-settings.js';
import { MYSQL_DIALECT } from './dialect.js';
import { MysqlFamilyAdapter, type MysqlFamilyUserOptions } from './mysql-family-adapter.js';
import type { MysqlDriver } from './mysql-driver.js';
import { MysqlServerPool } from './mysql-server-pool.js';
import { Mysql2Driver } from './mysql2-driver.js';
import { PooledMysqlDriver } from './pooled-mysql-driver.js';

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

/**
 * What the sdk calls to load this adapter: `connection` is a URL or settings object; `options`
 * may hold poolSize, lockWaitTimeoutSeconds, lockRetries, settleTimeoutMs.
 * @example const adapter = await createAdapter({ connection: 'mysql://root@127.0.0.1/app', product: 'p', database: 'main', env: 'dev' });
 */
export function createAdapter(target: AdapterTarget): MysqlAdapter {
  const options: MysqlAdapterOptions = { ...(target.options ?? {}), connection: target.connection };
  if (!(target.pool instanceof MysqlServerPool)) return new MysqlAdapter(options);
  return new MysqlAdapter(options, new PooledMysqlDriver(target.pool, parseConnection(options.connection), options.lockWaitTimeoutSeconds));
}

/**
 * The optional pool export of the adapter contract: at most `max` connections shared by the
 * adapters created with `{ ...target, pool }` (a fleet's targets), one per adapter for its whole
 * life (work, history and lock), reset between adapters, reused across the databases of a server.
 * @example const pool = createConnectionPool({ max: 4 }); const a = createAdapter({ ...target, pool });
 */
export const createConnectionPool: ConnectionPoolFactory = ({ max }) =>
  new MysqlServerPool({ max, name: 'mysql', open: (settings, lockWaitTimeoutSeconds) => new Mysql2Driver({ settings, lockWaitTimeoutSeconds }).dedicated() });
