import type { AdapterTarget, ConnectionPoolFactory } from '@ductape/core';
import { parseConnection } from './connection-settings.js';
import { MysqlAdapter, type MysqlAdapterOptions } from './mysql-adapter.js';
import { MysqlServerPool } from './mysql-server-pool.js';
import { Mysql2Driver } from './mysql2-driver.js';
import { PooledMysqlDriver } from './pooled-mysql-driver.js';

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
