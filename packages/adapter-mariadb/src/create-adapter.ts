import type { AdapterTarget, ConnectionPoolFactory } from '@ductape/core';
import { MysqlServerPool, PooledMysqlDriver, parseConnection } from '@ductape/adapter-mysql/shared';
import { MariadbAdapter, type MariadbAdapterOptions } from './mariadb-adapter.js';
import { MariadbDriver } from './mariadb-driver.js';

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
