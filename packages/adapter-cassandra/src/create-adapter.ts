import type { AdapterFactory, ConnectionPoolFactory } from '@ductape/core';
import { CassandraAdapter, type CassandraAdapterOptions } from './cassandra-adapter.js';
import { CassandraClientPool } from './cassandra-client-pool.js';
import { parseConnection } from './connection-settings.js';

/**
 * What the sdk calls to load this package by name. `connection`: a `cassandra://` URL or a
 * settings object (see parseConnection); `options` may add or override any adapter option.
 * Without a keyspace in either, the target's `database` name is the keyspace.
 * @example createAdapter({ connection: 'cassandra://127.0.0.1:9042/app?dc=datacenter1', product: 'p', database: 'app', env: 'dev' })
 */
export const createAdapter: AdapterFactory = (target) => {
  const settings = { ...parseConnection(target.connection), ...((target.options ?? {}) as Partial<CassandraAdapterOptions>) };
  const options = { ...settings, keyspace: settings.keyspace ?? target.database } as CassandraAdapterOptions;
  // Options the driver cannot even read are refused by the adapter's own checks, with no client taken.
  if (!(target.pool instanceof CassandraClientPool) || !Array.isArray(options.contactPoints) || typeof options.localDataCenter !== 'string') return new CassandraAdapter(options);
  const driver = target.pool.take(options);
  try {
    return new CassandraAdapter(options, driver);
  } catch (error) {
    void driver.close(); // back to the pool, unused
    throw error;
  }
};

/**
 * The optional pool export of the adapter contract: the Cassandra clients of a fleet run, one lent
 * to each adapter created with `{ ...target, pool }` for its whole life and reused by the next
 * one (switched to its keyspace), at most `max` kept; shut down with the pool.
 * @example const pool = createConnectionPool({ max: 4 }); const a = await createAdapter({ ...target, pool });
 */
export const createConnectionPool: ConnectionPoolFactory = ({ max }) => new CassandraClientPool({ max });
