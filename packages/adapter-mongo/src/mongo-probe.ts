import { randomUUID } from 'node:crypto';
import { MongoServerError } from 'mongodb';
import { FERRETDB_WRITE_LIMITS, MONGODB_FEATURES, type ServerFeatures } from './compile/server-features.js';
import type { MongoDriver } from './mongo-driver.js';

/** Error codes that mean "this server does not have that": NotImplemented, CommandNotFound, CommandNotSupported, InvalidOptions. */
const MISSING = new Set([238, 59, 115, 72]);

/**
 * Finds out what the server supports by trying it on a scratch collection
 * (`_ductape_probe_<random>`, dropped afterwards): a `$jsonSchema` validator, collMod, a partial
 * index, a TTL index and a pipeline update. Transactions are read from `hello` (a replica-set
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
    return { validators, collMod, partialIndexes, ttlIndexes, transactions, pipelineUpdates, ...limits };
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
