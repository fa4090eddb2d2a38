import { resolveUpdate } from '@ductape/core';
import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, sent, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// db.update on Mongo: FerretDB has no pipeline updates, so the documents are computed by the
// adapter (run for real); the pipeline form real MongoDB gets is checked by command capture.
describe.skipIf(!mongoUrl)('db.update data migrations (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_upd');
  let adapter: MongoAdapter;
  let commands: ReturnType<typeof monitoredAdapter>['commands'];
  const users = () => adapter.driver.db.collection<Record<string, unknown>>('users');

  beforeAll(async () => {
    ({ adapter, commands } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }));
    await adapter.connect();
    await new MigrationEngine(adapter).up(
      migration('users')
        .createCollection('users', { _id: { type: 'integer', primaryKey: true }, first_name: 'string', last_name: 'string', full_name: 'string', n: 'integer' })
        .build(),
    );
    await users().insertMany(Array.from({ length: 25 }, (_, i) => ({ _id: i as never, first_name: `F${i}`, last_name: i % 5 === 0 ? null : `L${i}`, full_name: i < 3 ? 'kept' : null, n: i })));
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  it('runs the spec example in batches along _id (computed per document on FerretDB)', async () => {
    const snapshot = await adapter.introspect('users');
    const u = resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, snapshot!);
    const progress: number[] = [];
    const r = await adapter.updateRows(u, { batchSize: 10, onProgress: (p) => progress.push(p.rowsUpdated) });
    expect(r).toMatchObject({ rowsUpdated: 22, batches: 3 });
    expect(progress).toEqual([10, 20, 22]);
    expect(await users().findOne({ _id: 4 as never })).toMatchObject({ full_name: 'F4 L4' });
    expect(await users().findOne({ _id: 5 as never })).toMatchObject({ full_name: 'F5 ' });
    expect(await users().findOne({ _id: 1 as never })).toMatchObject({ full_name: 'kept' });
    expect(await adapter.driver.db.collection('_ductape_data_progress').countDocuments()).toBe(0);
  });

  it('an interrupted run resumes after the last recorded batch: no document is updated twice', async () => {
    const snapshot = await adapter.introspect('users');
    const u = resolveUpdate({ table: 'users', data: { n: { $ADD: ['n', 100] } } }, snapshot!);
    const crash = new Error('killed after the first batch');
    await expect(
      adapter.updateRows(u, {
        batchSize: 10,
        onProgress: () => {
          throw crash;
        },
      }),
    ).rejects.toBe(crash);
    expect(await users().countDocuments({ n: { $gte: 100 } })).toBe(10);
    const r = await adapter.updateRows(u, { batchSize: 10 });
    expect(r).toMatchObject({ rowsUpdated: 25, batches: 2 });
    expect((await users().find({}).sort({ _id: 1 }).toArray()).map((d) => d.n)).toEqual(Array.from({ length: 25 }, (_, i) => i + 100));
    await adapter.updateRows(resolveUpdate({ table: 'users', data: { n: { $SUB: ['n', 100] } } }, snapshot!), {});
  });

  it('sends a pipeline update of the batch ids to a server with pipeline updates (captured)', async () => {
    const snapshot = await adapter.introspect('users');
    const u = resolveUpdate({ table: 'users', data: { n: { $ADD: ['n', 1] } }, where: { n: { $lt: 3 } } }, snapshot!);
    const real = { pipelineUpdates: true, transactions: false };
    const { updateRowsMongo } = await import('../../src/index.js');
    const before = commands.length;
    await expect(updateRowsMongo(adapter.driver.client, adapter.driver.db, real, u, { batchSize: 10 })).rejects.toThrow();
    const update = sent(commands.slice(before), 'update').find((c) => c.update === 'users');
    expect(update).toEqual({
      update: 'users',
      ordered: true,
      updates: [{ q: { $and: [{ $and: [{ n: { $lt: 3 } }] }, { _id: { $in: [0, 1, 2] } }] }, u: [{ $set: { n: { $add: ['$n', { $literal: 1 }] } } }], multi: true }],
    });
    await adapter.driver.db.collection('_ductape_data_progress').deleteMany({});
  });
});
