import type { AdapterFactory } from '../adapter/adapter-factory.js';
import { MemoryAdapter } from './memory-adapter.js';
import { MemoryDatabase } from './memory-database.js';

// One database per connection string, like one server per URL, for the life of the process.
const servers = new Map<string, MemoryDatabase>();

/**
 * The factory the sdk calls when a config names `@ductape/core/testing` as the adapter.
 * Connection `memory://name` (any string); `{ transactionalDdl: true }` in options.
 * @example createAdapter({ connection: 'memory://app', product: 'p', database: 'd', env: 'dev' })
 */
export const createAdapter: AdapterFactory = (target) => {
  const key = typeof target.connection === 'string' ? target.connection : JSON.stringify(target.connection);
  let database = servers.get(key);
  if (!database) servers.set(key, (database = new MemoryDatabase()));
  return new MemoryAdapter({ database, transactionalDdl: target.options?.transactionalDdl === true });
};
