import type { AdapterFactory, ConnectionPoolFactory } from '@ductape/core';
import { MongoAdapter, type MongoAdapterOptions } from './mongo-adapter.js';
import { MongoClientPool } from './mongo-client-pool.js';

/**
 * What the sdk calls to load this adapter. `connection` is a mongodb:// URL or
 * `{ url, database?, clientOptions? }`; the database is `database` of the settings when given,
 * else the URL's path, else the target's database. `options` are MongoAdapterOptions (onMissingFeature,
 * probe, features, batchSize, backfillDefaults).
 * @example const adapter = await createAdapter({ connection: 'mongodb://127.0.0.1:27017/app', product: 'p', database: 'app', env: 'dev' });
 */
export const createAdapter: AdapterFactory = (target) => {
  const connection = typeof target.connection === 'string' ? { url: target.connection } : (target.connection as unknown as MongoAdapterOptions);
  const options = { ...(target.options as Partial<MongoAdapterOptions> | undefined), ...connection };
  const client = target.pool instanceof MongoClientPool && typeof options.url === 'string' ? target.pool.clientFor(options.url, options.clientOptions) : undefined;
  return new MongoAdapter(options, target.database, client);
};

/**
 * The optional pool export of the adapter contract: one MongoClient per server shared by the
 * adapters created with `{ ...target, pool }` (a fleet's targets, a database each), each with at
 * most `max` pooled connections; closed with the pool.
 * @example const pool = createConnectionPool({ max: 4 }); const a = await createAdapter({ ...target, pool });
 */
export const createConnectionPool: ConnectionPoolFactory = ({ max }) => new MongoClientPool({ max });
