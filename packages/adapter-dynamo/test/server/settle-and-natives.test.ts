import { type HistoryEntry, MigrationEngine, MigrationHelpers, type ProgressEvent, UnsupportedOperationError, ValidationError, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../src/execute/wait.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// Issue 16 on DynamoDB (Local): defect 13 (nothing recorded as applied while a table or index is
// still being built), defect 3 (a GSI step never adopts an index it did not create), defect 8
// (key attribute definitions round-trip), the native field type and renameCollection's refusal.
describe.skipIf(!endpoint)('DynamoDB: settled tables, strict GSI steps, native key types, renameCollection', () => {
  const prefix = uniquePrefix('settle');
  const adapter = makeAdapter(prefix, { waitTimeoutMs: 60_000 });
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  const gsis = async (table: string) =>
    ((await adapter.driver.describe(`${prefix}${table}`))?.GlobalSecondaryIndexes ?? []).map((g) => `${g.IndexName}:${g.IndexStatus}${g.Backfilling ? ':backfilling' : ''}`).sort();
  // Items make DynamoDB Local build a new GSI for a moment (CREATING, then backfilling), as AWS does for minutes.
  async function fill(table: string, n: number): Promise<void> {
    for (let i = 0; i < n; i += 25) {
      const items = Array.from({ length: 25 }, (_, j) => ({ PutRequest: { Item: { id: { S: `k${i + j}` }, email: { S: `e${(i + j) % 97}@x` } } } }));
      await adapter.driver.send('BatchWriteItem', { RequestItems: { [`${prefix}${table}`]: items } });
    }
  }
  async function startGsi(table: string, index: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await adapter.driver.send('UpdateTable', {
        TableName: `${prefix}${table}`,
        AttributeDefinitions: [{ AttributeName: 'email', AttributeType: 'S' }],
        GlobalSecondaryIndexUpdates: [{ Create: { IndexName: index, KeySchema: [{ AttributeName: 'email', KeyType: 'HASH' }], Projection: { ProjectionType: 'ALL' } } }],
      });
      // Still being built: CREATING, with or without backfilling (DynamoDB Local reports either).
      if ((await gsis(table)).some((g) => g.startsWith(`${index}:CREATING`))) return;
      // DynamoDB Local builds on a once-a-second tick, which can fall between the two calls on a
      // loaded machine (a CI run): drop the finished index and start it again.
      expect(attempt, `${index} was built before it could be seen CREATING, ${attempt} times`).toBeLessThan(5);
      await waitFor(adapter.driver, { table: `${prefix}${table}`, index, until: 'ACTIVE' }, adapter.settings);
      await adapter.driver.send('UpdateTable', { TableName: `${prefix}${table}`, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: index } }] });
      await waitFor(adapter.driver, { table: `${prefix}${table}`, index, until: 'DELETED' }, adapter.settings);
    }
  }

  it('defect 13: a killed runner whose CreateTable was accepted (index still CREATING): the resume waits until ACTIVE before recording the step', async () => {
    const m = migration('create_orders')
      .createCollection(
        'orders',
        [
          { name: 'id', type: 'string', primaryKey: true },
          { name: 'email', type: 'string' },
        ],
        {
          dynamoOptions: { globalSecondaryIndexes: [{ name: 'by_email', partitionKey: { name: 'email', type: 'S' }, projection: 'ALL' }] },
        },
      )
      .build();
    // What the dead runner left: the table, its index still being built, and a 'running' row at step 0 of 1.
    await adapter.driver.send('CreateTable', {
      TableName: `${prefix}orders`,
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    await waitFor(adapter.driver, { table: `${prefix}orders`, until: 'ACTIVE' }, adapter.settings);
    await fill('orders', 2000);
    await adapter.history.ensure();
    const row: HistoryEntry = {
      name: m.name,
      tag: m.tag,
      checksum: MigrationHelpers.checksum(m),
      status: 'running',
      direction: 'up',
      appliedAt: null,
      startedAt: new Date(Date.now() - 60_000),
      executionMs: 0,
      stepsApplied: 0,
      stepsTotal: 1,
      error: null,
      appliedBy: 'a killed runner',
      migration: m,
    };
    await adapter.history.save(row);
    await startGsi('orders', 'by_email');

    // What the table looked like the moment the step was recorded as applied (the event follows the save).
    let atRecord: Promise<string[]> | undefined;
    const events: ProgressEvent[] = [];
    const result = await new MigrationEngine(adapter, { onProgress: (e) => (events.push(e), e.type === 'step:reconciled' && (atRecord = gsis('orders'))) }).up(m);
    expect(result.outcome).toBe('resumed');
    expect(events.some((e) => e.type === 'step:reconciled')).toBe(true);
    expect(await atRecord).toEqual(['by_email:ACTIVE']);
    // When up returns, the table can be used: nothing is still building.
    expect(await gsis('orders')).toEqual(['by_email:ACTIVE']);
    expect((await adapter.driver.describe(`${prefix}orders`))?.TableStatus).toBe('ACTIVE');
    expect((await engine.getHistory()).find((h) => h.name === m.name)).toMatchObject({ status: 'applied', stepsApplied: 1 });
  });

  it('defect 13, normal path: a step on a table whose index is still building is recorded only once the table is settled', async () => {
    await engine.up(
      migration('create_people')
        .createCollection('people', [
          { name: 'id', type: 'string', primaryKey: true },
          { name: 'email', type: 'string' },
        ])
        .build(),
    );
    await fill('people', 2000);
    await startGsi('people', 'by_email_hand');
    let atRecord: Promise<string[]> | undefined;
    const watched = new MigrationEngine(adapter, { onProgress: (e) => e.type === 'step:done' && (atRecord = gsis('people')) });
    await watched.up(migration('people_phone').addField('people', { name: 'phone', type: 'string' }).build());
    expect(await atRecord).toEqual(['by_email_hand:ACTIVE']);
    expect(await gsis('people')).toEqual(['by_email_hand:ACTIVE']);
  });

  it('defect 3: createIndex finding an ACTIVE index of that name fails instead of adopting it (its down would drop it); dropIndex of a missing index fails', async () => {
    await engine.up(
      migration('create_shop')
        .createCollection('shop', [
          { name: 'id', type: 'string', primaryKey: true },
          { name: 'email', type: 'string' },
        ])
        .build(),
    );
    await startGsi('shop', 'by_email');
    await waitFor(adapter.driver, { table: `${prefix}shop`, index: 'by_email', until: 'ACTIVE' }, adapter.settings);
    const create = migration('shop_by_email').createIndex('shop', 'by_email', ['email']).build();
    await expect(engine.up(create)).rejects.toMatchObject({ code: 'DUCTAPE_MIGRATION_FAILED', stepsApplied: 0 });
    expect((await engine.getHistory()).find((h) => h.name === create.name)?.status).not.toBe('applied');
    expect(await gsis('shop')).toEqual(['by_email:ACTIVE']);

    const drop = migration('shop_drop_missing')
      .dropIndex('shop', 'no_such_index', { previous: { name: 'no_such_index', fields: [{ name: 'email' }] } })
      .build();
    await expect(engine.up(drop)).rejects.toBeInstanceOf(Error);
    expect((await engine.getHistory()).find((h) => h.name === drop.name)?.status).not.toBe('applied');
  });

  it('defect 8 and native: key attribute definitions (native S/N/B included) round-trip through introspection, drop and down', async () => {
    const m = migration('create_ledger')
      .createCollection(
        'ledger',
        [
          { name: 'account', type: 'native', native: 'N', primaryKey: true },
          { name: 'entry', type: 'native', native: 'B', primaryKey: true },
          { name: 'ref', type: 'uuid' },
          { name: 'tags', type: 'native', native: 'SS' },
        ],
        {
          dynamoOptions: { globalSecondaryIndexes: [{ name: 'by_ref', partitionKey: { name: 'ref', type: 'S' }, sortKey: { name: 'account', type: 'N' }, projection: 'KEYS_ONLY' }] },
        },
      )
      .build();
    await engine.up(m);
    const before = await adapter.driver.describe(`${prefix}ledger`);
    const defs = (t: typeof before) => [...(t?.AttributeDefinitions ?? [])].sort((a, b) => String(a.AttributeName).localeCompare(String(b.AttributeName)));
    expect(defs(before)).toEqual([
      { AttributeName: 'account', AttributeType: 'N' },
      { AttributeName: 'entry', AttributeType: 'B' },
      { AttributeName: 'ref', AttributeType: 'S' },
    ]);
    const snap = await adapter.introspect('ledger');
    expect(snap?.fields.find((f) => f.name === 'account')).toMatchObject({ type: 'native', native: 'N', primaryKey: true });
    const drop = migration('drop_ledger').dropCollection('ledger', { previous: snap }).build();
    await engine.up(drop);
    await engine.down(drop);
    const after = await adapter.driver.describe(`${prefix}ledger`);
    expect(defs(after)).toEqual(defs(before));
    expect(after?.KeySchema).toEqual(before?.KeySchema);
    expect(after?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.KeySchema, g.Projection])).toEqual(before?.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.KeySchema, g.Projection]));
  });

  it('native key attributes other than S, N or B, and native texts that are no DynamoDB type, are refused before any IO', async () => {
    const boolKey = migration('bool_key')
      .createCollection('bool_key', [{ name: 'id', type: 'native', native: 'BOOL', primaryKey: true }])
      .build();
    await expect(engine.up(boolKey)).rejects.toBeInstanceOf(ValidationError);
    const unknownType = migration('odd_native').addField('people', { name: 'x', type: 'native', native: 'varchar' }).build();
    await expect(engine.up(unknownType)).rejects.toBeInstanceOf(ValidationError);
    const names = (await engine.getHistory()).map((h) => h.name);
    expect(names).not.toContain('bool_key');
    expect(names).not.toContain('odd_native');
    expect(await adapter.driver.describe(`${prefix}bool_key`)).toBeUndefined();
  });

  it('renameCollection is refused before any IO with UnsupportedOperationError: no history row, the table unchanged', async () => {
    const before = await adapter.introspect('people');
    const m = migration('rename_people').renameCollection('people', 'persons').build();
    await expect(engine.up(m)).rejects.toBeInstanceOf(UnsupportedOperationError);
    expect((await engine.getHistory()).map((h) => h.name)).not.toContain('rename_people');
    expect(await adapter.introspect('people')).toEqual(before);
    expect(await adapter.driver.describe(`${prefix}persons`)).toBeUndefined();
  });
});
