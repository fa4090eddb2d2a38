import { MigrationEngine, type UpdateOptions, type UpdateRequest, migration, resolveUpdate } from '@ductape/core';
import { Long } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MongoAdapter } from '../../src/index.js';
import { CapturedLog, monitoredAdapter, uniqueDatabase } from '../support/mongo-target.js';
import { dropDatabases, mongoUrl } from '../support/server.js';

// db.update walks `_id` in batches and keeps the last `_id` of each committed batch in its progress
// document. The `_id` travels as the driver read it (BSON in, BSON out): a Long above 2^53 stays a
// Long (the driver promotes only safe integers to numbers), a Decimal128 stays a Decimal128, a Date
// holds milliseconds as BSON dates do. Every collection here gets `n = n + 1`: all must end at 1.
describe.skipIf(!mongoUrl)('db.update carries _id exactly (FerretDB)', () => {
  const url = mongoUrl as string;
  const database = uniqueDatabase('ductape_updkeys');
  let adapter: MongoAdapter;
  let engine: MigrationEngine;
  const coll = (name: string) => adapter.driver.db.collection<Record<string, unknown>>(name);

  beforeAll(async () => {
    ({ adapter } = monitoredAdapter(url, database, { onMissingFeature: 'warn', logger: new CapturedLog() }));
    await adapter.connect();
    engine = new MigrationEngine(adapter);
  });
  afterAll(async () => {
    await adapter.close();
    await dropDatabases(url, [database]);
  });

  const update = async (request: UpdateRequest, options: UpdateOptions) => adapter.updateRows(resolveUpdate(request, (await adapter.introspect(request.table))!), { maxLockMs: 60_000, ...options });
  const add = (table: string): UpdateRequest => ({ table, data: { n: { $ADD: ['n', 1] } } });
  const counts = async (name: string) =>
    (
      await coll(name)
        .aggregate([{ $group: { _id: '$n', c: { $sum: 1 } } }, { $sort: { _id: 1 } }])
        .toArray()
    ).map((g) => `${g._id}:${g.c}`);
  const guard = (max: number) => {
    let batches = 0;
    return () => {
      if (++batches > max) throw new Error(`more than ${max} batches: the walk does not advance`);
    };
  };
  /** Stops the update after its first batch (an onProgress that throws), then runs it again to the end. */
  const interruptedThenResumed = async (request: UpdateRequest, batchSize: number) => {
    const stop = new Error('stop after the first batch');
    await expect(
      update(request, {
        batchSize,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    return update(request, { batchSize, onProgress: guard(100) });
  };
  const fill = async (name: string, type: 'bigint' | 'datetime' | 'string', ids: readonly unknown[]) => {
    await engine.up(
      migration(`create_${name}`)
        .createCollection(name, { _id: { type, primaryKey: true }, n: 'integer' })
        .build(),
    );
    await coll(name).insertMany(ids.map((_id) => ({ _id: _id as never, n: 0 })));
  };

  it('resumes a Long _id above 2^53 at the exact _id where it stopped', { timeout: 60_000 }, async () => {
    // Above 2^53 only even integers are doubles: the first batch of 5 ends on an odd _id.
    await fill(
      'longs',
      'bigint',
      Array.from({ length: 20 }, (_, i) => Long.fromBigInt(9007199254740993n + BigInt(i))),
    );
    expect((await interruptedThenResumed(add('longs'), 5)).rowsUpdated).toBe(20);
    expect(await counts('longs')).toEqual(['1:20']);
  });

  // Decimal128 _ids are not run here: FerretDB has no Decimal128 (it drops the connection); the
  // driver reads one as a Decimal128 object and writes it back as the same 16 bytes.
  it('walks Date _ids one millisecond apart', { timeout: 60_000 }, async () => {
    await fill(
      'dates',
      'datetime',
      Array.from({ length: 40 }, (_, i) => new Date(Date.UTC(2026, 11, 7, 10, 0, 0, i))),
    );
    expect((await interruptedThenResumed(add('dates'), 7)).rowsUpdated).toBe(40);
    expect(await counts('dates')).toEqual(['1:40']);
  });

  it('refuses, before any write, a collection whose _ids are of several BSON types ($gt on _id reaches only one type)', { timeout: 60_000 }, async () => {
    // FerretDB keeps no validator: the declared string _id does not stop numeric ones.
    await fill('mixed', 'string', [1, 2, 3, 'a', 'b']);
    await expect(update(add('mixed'), { batchSize: 2, onProgress: guard(20) })).rejects.toMatchObject({
      code: 'DUCTAPE_VALIDATION',
      issues: [{ code: 'mixed_id_types', path: '_id', message: expect.stringContaining('several BSON types (number first, string last)') }],
    });
    await expect(update(add('mixed'), { dryRun: true })).rejects.toMatchObject({ code: 'DUCTAPE_VALIDATION' });
    expect(await counts('mixed')).toEqual(['0:5']);
  });
});
