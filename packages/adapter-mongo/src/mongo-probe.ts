import { randomUUID } from 'node:crypto';
import { MongoServerError } from 'mongodb';
import { FERRETDB_WRITE_LIMITS, MONGODB_FEATURES, type ServerFeatures } from './mongo-compile-settings.js';
import type { MongoDriver } from './mongo-driver.js';

/** Error codes that mean "this server does not have that": NotImplemented, CommandNotFound, CommandNotSupported, InvalidOptions. */
const MISSING = new Set([238, 59, 115, 72]);

/**
 * Finds out what the server supports by trying it on a scratch collection
 * (`_ductape_probe_<random>`, dropped afterwards): a `$jsonSchema` validator, collMod, a partial
 * index, a TTL index, a pipeline update, an index collation, and (each on its own scratch
 * collection, read back with listCollections) a collection collation, a time-series and a
 * clustered collection. Transactions are read from `hello` (a replica-set
 * member or mongos), FerretDB's write limits from `buildInfo`. Errors other than "not
 * implemented" are thrown (e.g. missing privileges).
 * @example const features = await probeFeatures(driver); // FerretDB 1.x: validators false, …
 */
export async function probeFeatures(driver: MongoDriver): Promise<ServerFeatures> {
  const hello = await driver.command({ hello: 1 });
  const transactions = (typeof hello.setName === 'string' || hello.msg === 'isdbgrid') && hello.logicalSessionTimeoutMinutes != null;
  const build = await driver.command({ buildInfo: 1 });
  // Its bugs cannot be probed without setting them off (a deadlocked server, a panic): known by name.
  const limits = typeof build.ferretdbVersion === 'string' ? FERRETDB_WRITE_LIMITS : { statementsPerWrite: MONGODB_FEATURES.statementsPerWrite, indexesPerCreate: MONGODB_FEATURES.indexesPerCreate };
  const name = `_ductape_probe_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
  try {
    const validators = await supported(() => driver.command({ create: name, validator: { $jsonSchema: { bsonType: 'object' } }, validationLevel: 'strict' }));
    if (!validators) await driver.command({ create: name });
    const collMod = await supported(() => driver.command({ collMod: name, validationLevel: 'moderate' }));
    const partialIndexes = await supported(() => driver.command({ createIndexes: name, indexes: [{ key: { p: 1 }, name: 'p', partialFilterExpression: { p: { $exists: true } } }] }));
    const ttlIndexes = await supported(() => driver.command({ createIndexes: name, indexes: [{ key: { t: 1 }, name: 't', expireAfterSeconds: 3600 }] }));
    const pipelineUpdates = await supported(() => driver.command({ update: name, updates: [{ q: { _id: 0 }, u: [{ $set: { x: 1 } }] }] }));
    const indexCollation = await supported(() => driver.command({ createIndexes: name, indexes: [{ key: { c: 1 }, name: 'c', collation: { locale: 'en', strength: 2 } }] }));
    const collation = await created(driver, `${name}_c`, { collation: { locale: 'en', strength: 2 } }, (o) => o.collation !== undefined);
    const timeseries = await created(driver, `${name}_t`, { timeseries: { timeField: 't' } }, (o) => o.timeseries !== undefined);
    const clusteredCollections = await created(driver, `${name}_k`, { clusteredIndex: { key: { _id: 1 }, unique: true } }, (o) => o.clusteredIndex !== undefined);
    return { validators, collMod, partialIndexes, ttlIndexes, transactions, pipelineUpdates, collation, indexCollation, timeseries, clusteredCollections, ...limits };
  } finally {
    await driver.command({ drop: name }).catch(() => undefined);
  }
}

// A create option counts only when listCollections reports it back: a server may accept an
// option and ignore it (FerretDB 1.24 does so with clusteredIndex).
async function created(driver: MongoDriver, name: string, options: Record<string, unknown>, kept: (o: Record<string, unknown>) => boolean): Promise<boolean> {
  try {
    if (!(await supported(() => driver.command({ create: name, ...options })))) return false;
    const [info] = await driver.db.listCollections({ name }).toArray();
    return kept(((info as { options?: Record<string, unknown> } | undefined)?.options ?? {}) as Record<string, unknown>);
  } finally {
    await driver.command({ drop: name }).catch(() => undefined);
  }
}

async function supported(attempt: () => Promise<unknown>): Promise<boolean> {
  try {
    await attempt();
    return true;
  } catch (error) {
    if (error instanceof MongoServerError && (MISSING.has(Number(error.code)) || /not implemented|not supported/i.test(error.message))) return false;
    if (error instanceof MongoServerError && error.code === 14 && /wrong type 'array'/.test(error.message)) return false; // pipeline updates
    throw error;
  }
}
