import { MigrationEngine } from '@ductape/core';
import { afterAll, beforeAll } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, uniqueDatabase } from './mongo-target.js';
import { dropDatabases } from './server.js';

/** What a server test file works with: an adapter ('warn' policy) and an engine on its own database. */
export interface MongoSession {
  adapter: MongoAdapter;
  engine: MigrationEngine;
}

/**
 * Registers, in the calling describe, a fresh database named from `prefix`: the adapter connects
 * before the tests, and it is closed and the database dropped after them.
 * @example const session = mongoSession(url, 'ductape_f14'); beforeAll(() => ({ adapter, engine } = session));
 */
export function mongoSession(url: string, prefix: string): MongoSession {
  const database = uniqueDatabase(prefix);
  const session = {} as MongoSession;
  beforeAll(async () => {
    session.adapter = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }).adapter;
    await session.adapter.connect();
    session.engine = new MigrationEngine(session.adapter);
  });
  afterAll(async () => {
    await session.adapter?.close();
    await dropDatabases(url, [database]);
  });
  return session;
}
