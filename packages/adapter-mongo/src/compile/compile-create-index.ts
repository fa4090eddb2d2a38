import type { CreateIndexOp, Step } from '@ductape/core';
import type { MongoCompileSettings } from '../mongo-compile-settings.js';
import { assertIndexFeatures } from './compile-create-collection.js';
import { indexSpec } from './index-spec.js';
import { commandStep } from './step.js';

/**
 * createIndex → `createIndexes` (unique, compound, partial via `where`, TTL via expireAfterSeconds).
 * MongoDB 4.2+ builds every index without holding a lock for the whole build, so `concurrently` needs nothing.
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'idx_email', fields: [{ name: 'email' }], unique: true }, DEFAULT_SETTINGS)
 */
export function compileCreateIndex(op: CreateIndexOp, settings: MongoCompileSettings): Step[] {
  const { type: _t, collection, ...index } = op;
  const spec = indexSpec(collection, index);
  assertIndexFeatures(collection, spec, settings);
  return [commandStep({ createIndexes: collection, indexes: [spec] }, `createIndexes ${collection}: ${op.name}`, { mustCreate: true })];
}
