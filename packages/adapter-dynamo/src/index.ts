import type { AdapterFactory } from '@ductape/core';
import { DynamoAdapter } from './dynamo-adapter.js';
import type { DynamoAdapterOptions } from './dynamo-settings.js';

export { DynamoAdapter } from './dynamo-adapter.js';
export { DynamoCompiler } from './dynamo-compiler.js';
export { DYNAMO_CAPABILITIES } from './dynamo-capabilities.js';
export { clientConfig, type DynamoConnectionSettings } from './dynamo-connection.js';
export { DynamoDriver, isAws } from './dynamo-driver.js';
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
export const createAdapter: AdapterFactory = (target) => new DynamoAdapter(target.connection, (target.options ?? {}) as DynamoAdapterOptions);
