import type { AdapterFactory, ConnectionPoolFactory } from '@ductape/core';
import { DynamoAdapter } from './dynamo-adapter.js';
import { DynamoClientPool } from './dynamo-client-pool.js';
import { clientConfig } from './dynamo-connection.js';
import type { DynamoAdapterOptions } from './dynamo-settings.js';

/**
 * What the sdk calls to load this adapter by package name. `connection` is a URL
 * (`dynamodb://localhost:8000?region=us-east-1`) or `{ endpoint?, region?, credentials? }`;
 * `options` are DynamoAdapterOptions (tablePrefix, historyTable, pollIntervalMs, waitTimeoutMs, …).
 * @example const adapter = await createAdapter({ connection: 'dynamodb://localhost:8000', product: 'app', database: 'main', env: 'dev' });
 */
export const createAdapter: AdapterFactory = (target) => {
  const client = target.pool instanceof DynamoClientPool && target.connection !== undefined && target.connection !== null ? target.pool.clientFor(clientConfig(target.connection)) : undefined;
  return new DynamoAdapter(target.connection, (target.options ?? {}) as DynamoAdapterOptions, client);
};

/**
 * The optional pool export of the adapter contract: one DynamoDB client per endpoint shared by the
 * adapters created with `{ ...target, pool }` (a fleet's tenants), at most `max` sockets open;
 * destroyed with the pool.
 * @example const pool = createConnectionPool({ max: 4 }); const a = await createAdapter({ ...target, pool });
 */
export const createConnectionPool: ConnectionPoolFactory = ({ max }) => new DynamoClientPool({ max });
