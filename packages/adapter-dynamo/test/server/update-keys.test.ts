import { MigrationEngine, type UpdateOptions, type UpdateRequest, migration, resolveUpdate } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

type Attr = { S?: string; N?: string; B?: Uint8Array };

// db.update resumes a Scan at the LastEvaluatedKey of the last finished page, kept in the progress
// item as JSON. Number keys are the low-level client's strings (exact at any size); a binary key
// is bytes, which must come back from JSON as bytes. Every table gets `n = n + 1`: all must end at 1.
describe.skipIf(!endpoint)('db.update resumes at the exact key on DynamoDB Local', () => {
  const prefix = uniquePrefix('updkeys');
  const adapter = makeAdapter(prefix, { maxWritesPerSecond: 1000 });
  const engine = new MigrationEngine(adapter);
  const update = async (request: UpdateRequest, options: UpdateOptions) => adapter.updateRows(resolveUpdate(request, (await adapter.introspect(request.table))!), { maxLockMs: 60_000, ...options });
  const add = (table: string): UpdateRequest => ({ table, data: { n: { $ADD: ['n', 1] } } });
  const counts = async (table: string) => {
    const items = ((await adapter.driver.send('Scan', { TableName: `${prefix}${table}`, ConsistentRead: true })).Items ?? []) as Record<string, Attr>[];
    const by = new Map<string, number>();
    for (const it of items) by.set(String(it.n?.N), (by.get(String(it.n?.N)) ?? 0) + 1);
    return [...by].sort().map(([n, c]) => `${n}:${c}`);
  };
  /** Stops the update after its first page (an onProgress that throws), then runs it again to the end. */
  const interruptedThenResumed = async (request: UpdateRequest, batchSize: number) => {
    const stop = new Error('stop after the first page');
    await expect(
      update(request, {
        batchSize,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    let pages = 0;
    return update(request, {
      batchSize,
      onProgress: () => {
        if (++pages > 50) throw new Error('more than 50 pages: the scan does not advance');
      },
    });
  };

  beforeAll(async () => {
    await engine.up(
      migration('create_bins')
        .createCollection('bins', { id: { type: 'binary', primaryKey: true }, n: 'integer' })
        .build(),
    );
    await engine.up(
      migration('create_nums')
        .createCollection(
          'nums',
          [
            { name: 'p', type: 'string', primaryKey: true },
            { name: 'k', type: 'decimal' },
            { name: 'n', type: 'integer' },
          ],
          { dynamoOptions: { partitionKey: { name: 'p', type: 'S' }, sortKey: { name: 'k', type: 'N' } } },
        )
        .build(),
    );
  });
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  it('resumes a table with a binary key at the exact key where it stopped', { timeout: 60_000 }, async () => {
    for (let i = 0; i < 20; i++) await adapter.driver.send('PutItem', { TableName: `${prefix}bins`, Item: { id: { B: Uint8Array.from([i, 255 - i, 0, 7]) }, n: { N: '0' } } });
    expect((await interruptedThenResumed(add('bins'), 5)).rowsUpdated).toBe(20);
    expect(await counts('bins')).toEqual(['1:20']);
  });

  it('resumes a number sort key above 2^53 and with 38 digits at the exact key where it stopped', { timeout: 60_000 }, async () => {
    const keys = [
      ...Array.from({ length: 10 }, (_, i) => String(9007199254740993n + 2n * BigInt(i))),
      ...Array.from({ length: 10 }, (_, i) => `0.10000000000000000000000000000000000${String(i).padStart(2, '0')}`),
    ];
    for (const k of keys) await adapter.driver.send('PutItem', { TableName: `${prefix}nums`, Item: { p: { S: 'one' }, k: { N: k }, n: { N: '0' } } });
    expect((await interruptedThenResumed(add('nums'), 3)).rowsUpdated).toBe(20);
    expect(await counts('nums')).toEqual(['1:20']);
  });
});
