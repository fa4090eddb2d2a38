import type { AdapterFactory, ConnectionPoolFactory } from '@ductape/core';
import { MongoAdapter, type MongoAdapterOptions } from './mongo-adapter.js';
import { MongoClientPool } from './mongo-client-pool.js';

export { MongoAdapter, type MongoAdapterOptions } from './mongo-adapter.js';
export { compileMongo } from './mongo-compiler.js';
export { MongoDriver, type MongoConnectionSettings } from './mongo-driver.js';
export { MongoClientPool } from './mongo-client-pool.js';
export { MongoConnectionError } from './mongo-connection-error.js';
export { MongoHistoryStore, HISTORY_COLLECTION } from './mongo-history.js';
export { MongoLeaseLock, LOCK_COLLECTION } from './mongo-lock.js';
export { introspectCollection } from './mongo-introspector.js';
export { probeFeatures } from './mongo-probe.js';
export type { MongoSession } from './mongo-session.js';
export { DEFAULT_SETTINGS, MONGODB_FEATURES, type MissingFeaturePolicy, type MongoCompileSettings, type ServerFeatures } from './compile/server-features.js';
export { MissingFeatureError } from './compile/missing-feature-error.js';
export { StepNames, type MongoCommandStep } from './compile/step.js';
export { BSON_TYPES, UUID_PATTERN, TIME_PATTERN } from './compile/bson-types.js';
export { propertySchema } from './compile/property-schema.js';
export { collectionSchema, mergeValidator } from './compile/collection-schema.js';
export { applyPatch } from './introspect/apply-patch.js';
export { fieldFromProperty } from './introspect/field-from-property.js';
export type { ValidatorPatch } from './compile/validator-patch.js';
export type { MongoLogger } from './execute/run-step.js';
export { updateRowsMongo, DATA_PROGRESS_COLLECTION, type UpdateFeatures } from './data/update-rows.js';
export { aggregationExpression, evaluate, setExpression, type FieldTypes } from './data/update-expression.js';
export { whereFilter } from './data/update-filter.js';
export { SHADOW_COLLECTION, readShadow, writeShadow, type ShadowValidator } from './shadow-schema.js';

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
