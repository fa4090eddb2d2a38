import type { AdapterFactory, ConnectionPoolFactory } from '@ductape/core';
import { DynamoAdapter } from './dynamo-adapter.js';
import { DynamoClientPool } from './dynamo-client-pool.js';
import { clientConfig } from './dynamo-connection.js';
import type { DynamoAdapterOptions } from './dynamo-settings.js';

export { DynamoAdapter } from './dynamo-adapter.js';
export { DynamoCompiler } from './dynamo-compiler.js';
export { DYNAMO_CAPABILITIES } from './dynamo-capabilities.js';
export { clientConfig, type DynamoConnectionSettings } from './dynamo-connection.js';
export { DynamoDriver, isAws } from './dynamo-driver.js';
export { DynamoClientPool } from './dynamo-client-pool.js';
export { DynamoCommandError, DynamoConnectionError, DynamoWaitTimeoutError } from './dynamo-errors.js';
export { DynamoHistoryStore } from './dynamo-history.js';
export { DynamoIntrospector, snapshotOf } from './dynamo-introspector.js';
export { DynamoLockStore } from './dynamo-lock.js';
export { AWS_FEATURES, probeFeatures, type DynamoFeatures } from './dynamo-probe.js';
export { resolveSettings, type DynamoAdapterOptions, type DynamoEvent, type DynamoSettings } from './dynamo-settings.js';
export { ATTRIBUTE_TYPE, keyTypeOf } from './compile/attribute-type.js';
export { DYNAMO_COMMANDS, SCAN_AND_UPDATE, type CommandArgs, type ScanUpdateArgs, type WaitFor } from './compile/step.js';

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
