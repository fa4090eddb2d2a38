import { MigrationEngine, migration, resolveUpdate } from '@ductape/core';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandStep } from '../../src/compile/step.js';
import { runStep } from '../../src/execute/run-step.js';
import type { MongoAdapter } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// Reliability findings 17 and 41 (FerretDB 1.24): a createIndexes of two indexes that both exist
// already panicked the server's handler and closed the connection mid-migration; an update
// command of about 100 statements (a bulkWrite: db.update without pipeline updates, a dropField
// backup) deadlocked the whole server. The adapter knows FerretDB from buildInfo and sends
// createIndexes one index at a time and bulk writes in commands of 50.
describe.skipIf(!mongoUrl)('FerretDB write limits', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_f41');
  let adapter: MongoAdapter;
  let ferretdb: boolean;
  beforeAll(async () => {
    adapter = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }).adapter;
    await adapter.connect();
    const client = new MongoClient(url);
    ferretdb = typeof (await client.db('admin').command({ buildInfo: 1 })).ferretdbVersion === 'string';
    await client.close();
  });
  afterAll(async () => {
    await adapter?.close();
    await dropDatabases(url, [database]);
  });

  it('knows the server from buildInfo', () => {
    const { statementsPerWrite, indexesPerCreate } = adapter.features;
    expect({ statementsPerWrite, indexesPerCreate }).toEqual(ferretdb ? { statementsPerWrite: 50, indexesPerCreate: 1 } : { statementsPerWrite: 100_000, indexesPerCreate: 64 });
  });

  it('runs a createIndexes of indexes that already exist as the no-op MongoDB makes it', async () => {
    const db = adapter.driver.db;
    await db.createCollection('tags');
    const step = commandStep(
      {
        createIndexes: 'tags',
        indexes: [
          { key: { a: 1 }, name: 'tags_a' },
          { key: { b: 1 }, name: 'tags_b' },
        ],
      },
      'createIndexes tags: tags_a, tags_b',
    );
    const log = new CapturedLog();
    await runStep(db, step, undefined, log, adapter.features);
    await runStep(db, step, undefined, log, adapter.features);
    expect((await db.collection('tags').listIndexes().toArray()).map((i) => i.name).sort()).toEqual(['_id_', 'tags_a', 'tags_b']);
  });

  it('updates 300 documents with db.update in one batch without pipeline updates', async () => {
    const fields = [
      { name: 'id', type: 'integer' as const, primaryKey: true },
      { name: 'n', type: 'integer' as const },
    ];
    await new MigrationEngine(adapter).up(migration('people').createCollection('people', fields).build());
    const people = adapter.driver.db.collection('people');
    await people.insertMany(Array.from({ length: 300 }, (_, i) => ({ id: i, n: i })));
    const snapshot = await adapter.introspect('people');
    const u = resolveUpdate({ table: 'people', data: { n: { $ADD: ['n', 1] } } }, snapshot!);
    const r = await adapter.updateRows(u, { batchSize: 1000 });
    expect(r.rowsUpdated).toBe(300);
    expect((await people.find({}).toArray()).filter((d) => d.n === d.id + 1)).toHaveLength(300);
  }, 60_000);
});
