import { type CompileContext, type Migration, type Operation, type Step, migration } from '@ductape/core';
import { DEFAULT_SETTINGS, MONGODB_FEATURES, type MongoCompileSettings, type ServerFeatures, compileMongo } from '../../src/index.js';

/** FerretDB 1.x as probed on this machine. */
export const FERRETDB_FEATURES: ServerFeatures = {
  validators: false,
  collMod: false,
  partialIndexes: false,
  ttlIndexes: false,
  transactions: false,
  pipelineUpdates: false,
  collation: false,
  indexCollation: false,
  timeseries: false,
  clusteredCollections: false,
  statementsPerWrite: 50,
  indexesPerCreate: 1,
};

export function settings(over: Partial<MongoCompileSettings> = {}): MongoCompileSettings {
  return { ...DEFAULT_SETTINGS, features: MONGODB_FEATURES, ...over };
}

const m: Migration = migration('golden').raw('mongodb', { ping: 1 }).build();

export function ctx(over: Partial<CompileContext> = {}): CompileContext {
  return { migration: m, direction: 'up', index: 0, options: {}, ...over };
}

/** Compiles one op for full MongoDB (or the given settings). */
export function compile(op: Operation, s: MongoCompileSettings = settings(), c: CompileContext = ctx()): Step[] {
  return compileMongo(op, c, s);
}
