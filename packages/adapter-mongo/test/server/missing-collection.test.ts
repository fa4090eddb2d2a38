import { MigrationEngine, MigrationFailedError, migration } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// MongoDB creates a collection implicitly on createIndexes; a migration naming a collection that
// does not exist must fail without leaving one behind (reliability finding 4).
describe.skipIf(!mongoUrl)('index operations on a collection that does not exist', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_missing');
  let adapter: MongoAdapter;
  let engine: MigrationEngine;

  beforeAll(async () => {
    ({ adapter } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }));
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  it.each([
    ['createIndex', migration('idx_on_missing').createIndex('ghost_a', 'idx_ghost_a', ['x']).build(), 'ghost_a'],
    [
      'addConstraint',
      migration('uq_on_missing')
        .addConstraint('ghost_b', { name: 'uq_ghost_b', type: 'unique', columns: ['x'] })
        .build(),
      'ghost_b',
    ],
  ])('%s fails with a typed error and creates nothing', async (_, m, collection) => {
    const error = await engine.up(m).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationFailedError);
    expect((error as Error).message).toContain(`collection "${collection}" does not exist`);
    expect(await adapter.introspect(collection)).toBeUndefined();
    await engine.compensate(m.name);
  });
});
