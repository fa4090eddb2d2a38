import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// The down of a dropIndex recreates the GSI exactly: its projection (KEYS_ONLY, INCLUDE and its
// non-key attributes) and its own provisioned capacities, recorded in `previous` from
// introspection at apply time. Checked against DescribeTable, not only introspection.
describe.skipIf(!endpoint)('DynamoDB: the down of dropIndex recreates the same GSI', () => {
  const prefix = uniquePrefix('dropix');
  const adapter = makeAdapter(prefix, { waitTimeoutMs: 60_000 });
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  /** The GSIs as DescribeTable reports them: keys, projection and throughput. */
  const gsis = async (table: string) =>
    ((await adapter.driver.describe(`${prefix}${table}`))?.GlobalSecondaryIndexes ?? [])
      .map((g) => ({
        name: g.IndexName,
        keys: (g.KeySchema ?? []).map((k) => `${k.AttributeName}:${k.KeyType}`),
        projection: g.Projection?.ProjectionType,
        nonKey: [...(g.Projection?.NonKeyAttributes ?? [])].sort(),
        throughput: [g.ProvisionedThroughput?.ReadCapacityUnits ?? 0, g.ProvisionedThroughput?.WriteCapacityUnits ?? 0],
      }))
      .sort((a, b) => String(a.name).localeCompare(String(b.name)));
  const fields = [
    { name: 'id', type: 'string' as const, primaryKey: true },
    { name: 'user', type: 'string' as const },
    { name: 'note', type: 'string' as const },
  ];

  it('KEYS_ONLY and INCLUDE projections come back as they were', async () => {
    await engine.up(
      migration('p1_tags')
        .createCollection('tags', fields, {
          dynamoOptions: {
            globalSecondaryIndexes: [
              { name: 'by_user', partitionKey: { name: 'user', type: 'S' }, projection: 'KEYS_ONLY' },
              { name: 'by_note', partitionKey: { name: 'note', type: 'S' }, sortKey: { name: 'user', type: 'S' }, projection: { include: ['color', 'size'] } },
            ],
          },
        })
        .build(),
    );
    const before = await gsis('tags');
    expect(before.map((g) => g.projection)).toEqual(['INCLUDE', 'KEYS_ONLY']);
    const introspected = await adapter.introspect('tags');
    const m = migration('p2_drop').dropIndex('tags', 'by_user').dropIndex('tags', 'by_note').build();
    await engine.up(m);
    expect(await gsis('tags')).toEqual([]);
    await engine.down(m);
    expect(await gsis('tags')).toEqual(before);
    expect(await adapter.introspect('tags')).toEqual(introspected);
  });

  it("a GSI's own provisioned capacities come back (not the table's)", async () => {
    await engine.up(
      migration('p3_orders')
        .createCollection('orders', fields, {
          dynamoOptions: {
            billingMode: 'PROVISIONED',
            readCapacity: 5,
            writeCapacity: 4,
            globalSecondaryIndexes: [{ name: 'by_user', partitionKey: { name: 'user', type: 'S' }, projection: 'KEYS_ONLY', readCapacity: 3, writeCapacity: 2 }],
          },
        })
        .build(),
    );
    const before = await gsis('orders');
    expect(before[0]?.throughput).toEqual([3, 2]);
    const m = migration('p4_drop').dropIndex('orders', 'by_user').build();
    await engine.up(m);
    await engine.down(m);
    expect(await gsis('orders')).toEqual(before);
  });

  it('a dropIndex recorded without those details (an old history row) is undone as before: ALL, the table throughput', async () => {
    const m = migration('p5_old')
      .dropIndex('orders', 'by_user', { previous: { name: 'by_user', fields: [{ name: 'user' }] } })
      .build();
    await engine.up(m);
    await engine.down(m);
    expect(await gsis('orders')).toEqual([{ name: 'by_user', keys: ['user:HASH'], projection: 'ALL', nonKey: [], throughput: [5, 4] }]);
  });
});
