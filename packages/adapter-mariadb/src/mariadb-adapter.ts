import type { AdapterTarget, ConnectionPoolFactory } from '@ductape/core';
import {
  MARIADB_DIALECT,
  MysqlFamilyAdapter,
  MysqlServerPool,
  PooledMysqlDriver,
  describeConnection,
  mariadbDialectFor,
  parseConnection,
  type MysqlDriver,
  type MysqlFamilyUserOptions,
} from '@ductape/adapter-mysql/shared';
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

/**
 * What the sdk calls to load this adapter: `connection` is a URL or settings object; `options`
 * may hold poolSize, lockWaitTimeoutSeconds, lockRetries, settleTimeoutMs.
 * @example const adapter = await createAdapter({ connection: 'mariadb://root@127.0.0.1/app', product: 'p', database: 'main', env: 'dev' });
 */
export function createAdapter(target: AdapterTarget): MariadbAdapter {
  const options: MariadbAdapterOptions = { ...(target.options ?? {}), connection: target.connection };
  if (!(target.pool instanceof MysqlServerPool)) return new MariadbAdapter(options);
  return new MariadbAdapter(options, new PooledMysqlDriver(target.pool, parseConnection(options.connection), options.lockWaitTimeoutSeconds));
}

/**
 * The optional pool export of the adapter contract: at most `max` connections shared by the
 * adapters created with `{ ...target, pool }` (a fleet's targets), one per adapter for its whole
 * life (work, history and lock), reset between adapters, reused across the databases of a server.
 * @example const pool = createConnectionPool({ max: 4 }); const a = createAdapter({ ...target, pool });
 */
export const createConnectionPool: ConnectionPoolFactory = ({ max }) =>
  new MysqlServerPool({ max, name: 'mariadb', open: (settings, lockWaitTimeoutSeconds) => new MariadbDriver({ settings, lockWaitTimeoutSeconds }).dedicated() });
