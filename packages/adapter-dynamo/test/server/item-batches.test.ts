import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DynamoEvent } from '../../src/dynamo-settings.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// Backfill (addField with a default), renameField and dropField walk every item in resumable,
// throttled batches. 25 items, batches of 10, at most 200 writes a second.
describe.skipIf(!endpoint)('attribute batches on DynamoDB Local', () => {
  const prefix = uniquePrefix('items');
  const events: DynamoEvent[] = [];
  const adapter = makeAdapter(prefix, { batchSize: 10, maxWritesPerSecond: 200, onEvent: (e) => events.push(e) });
  const engine = new MigrationEngine(adapter);
  const table = `${prefix}people`;
  const item = async (id: string) => (await adapter.driver.send('GetItem', { TableName: table, Key: { id: { S: id } }, ConsistentRead: true })).Item as Record<string, unknown>;

  beforeAll(async () => {
    await engine.up(
      migration('create_people')
        .createCollection('people', [
          { name: 'id', type: 'string', primaryKey: true },
          { name: 'name', type: 'string' },
        ])
        .build(),
    );
    for (let i = 0; i < 25; i++) {
      const extra = i === 0 ? { status: { S: 'kept' } } : {};
      await adapter.driver.send('PutItem', { TableName: table, Item: { id: { S: `p${i}` }, name: { S: `name ${i}` }, legacy: { N: String(i) }, ...extra } });
    }
  });
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  it('addField with a default backfills only the items without it, in batches', async () => {
    events.length = 0;
    const started = Date.now();
    await engine.up(migration('add_status').addField('people', 'status', { type: 'string', default: 'active' }).build());
    expect(await item('p0')).toMatchObject({ status: { S: 'kept' } });
    expect(await item('p7')).toMatchObject({ status: { S: 'active' } });
    const batches = events.filter((e) => e.type === 'batch');
    expect(batches.length).toBeGreaterThanOrEqual(3);
    expect(batches.at(-1)).toMatchObject({ scanned: 25, updated: 24 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(100); // 24 writes at ≤ 200/s
    // Idempotent: running the step again finds nothing to do.
    const again = await adapter.execute(engine.plan(migration('add_status').addField('people', 'status', { type: 'string', default: 'active' }).build()).steps[0]!, { transactional: false });
    expect(again).toBeUndefined();
    expect(events.filter((e) => e.type === 'batch').at(-1)).toMatchObject({ updated: 0 });
  });

  it('renameField moves the attribute in every item, and its down moves it back', async () => {
    const m = migration('rename_name').renameField('people', 'name', 'full_name').build();
    await engine.up(m);
    const p3 = await item('p3');
    expect(p3).toMatchObject({ full_name: { S: 'name 3' } });
    expect(p3.name).toBeUndefined();
    expect((await adapter.introspect('people'))?.fields.map((f) => f.name)).toEqual(['id', 'full_name', 'status']);
    await engine.down(m);
    expect(await item('p3')).toMatchObject({ name: { S: 'name 3' } });
  });

  it('renameField never overwrites: items holding both attributes fail the step, the rest are moved', async () => {
    await adapter.driver.send('UpdateItem', {
      TableName: table,
      Key: { id: { S: 'p5' } },
      UpdateExpression: 'SET #t = :v',
      ExpressionAttributeNames: { '#t': 'title' },
      ExpressionAttributeValues: { ':v': { S: 'mine' } },
    });
    const m = migration('rename_to_title').renameField('people', 'name', 'title').build();
    await expect(engine.up(m)).rejects.toThrow(/1 items hold both name and title; 24 items were updated/);
    expect(await item('p5')).toMatchObject({ title: { S: 'mine' }, name: { S: 'name 5' } });
    expect(await item('p6')).toMatchObject({ title: { S: 'name 6' } });
    await adapter.driver.send('UpdateItem', { TableName: table, Key: { id: { S: 'p5' } }, UpdateExpression: 'REMOVE #t', ExpressionAttributeNames: { '#t': 'title' } });
    expect(await engine.up(m)).toMatchObject({ outcome: 'applied' });
    expect(await item('p5')).toMatchObject({ title: { S: 'name 5' } });
  });

  it('dropField removes the attribute from every item', async () => {
    await engine.up(
      migration('drop_legacy')
        .dropField('people', 'legacy', { previous: { name: 'legacy', type: 'integer' } })
        .build(),
    );
    expect((await item('p9')).legacy).toBeUndefined();
  });

  it('addField on a missing table fails instead of recording success', async () => {
    await expect(engine.up(migration('add_to_missing').addField('nobody', 'x', 'string').build())).rejects.toThrow(/ResourceNotFoundException.*check the collection name and the tablePrefix/);
  });

  it('raw commands and PartiQL run as given', async () => {
    const audit = `${prefix}audit`;
    const m = migration('raw_audit')
      .raw(
        'dynamodb',
        {
          command: 'CreateTable',
          input: { TableName: audit, KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }], AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }], BillingMode: 'PAY_PER_REQUEST' },
        },
        { down: { command: { command: 'DeleteTable', input: { TableName: audit } } } },
      )
      .raw('dynamodb', `INSERT INTO "${audit}" VALUE {'id': 'first'}`, { down: `DELETE FROM "${audit}" WHERE "id" = 'first'` })
      .build();
    await engine.up(m);
    expect((await adapter.driver.send('GetItem', { TableName: audit, Key: { id: { S: 'first' } } })).Item).toEqual({ id: { S: 'first' } });
    await engine.down(m);
    expect(await adapter.driver.describe(audit)).toBeUndefined();
  });
});
