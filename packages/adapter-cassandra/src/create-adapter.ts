import type { AdapterFactory } from '@ductape/core';
import { CassandraAdapter, type CassandraAdapterOptions } from './cassandra-adapter.js';
import { parseConnection } from './connection-settings.js';

/**
 * What the sdk calls to load this package by name. `connection`: a `cassandra://` URL or a
 * settings object (see parseConnection); `options` may add or override any adapter option.
 * Without a keyspace in either, the target's `database` name is the keyspace.
 * @example createAdapter({ connection: 'cassandra://127.0.0.1:9042/app?dc=datacenter1', product: 'p', database: 'app', env: 'dev' })
 */
export const createAdapter: AdapterFactory = (target) => {
  const settings = { ...parseConnection(target.connection), ...((target.options ?? {}) as Partial<CassandraAdapterOptions>) };
  return new CassandraAdapter({ ...settings, keyspace: settings.keyspace ?? target.database } as CassandraAdapterOptions);
};
