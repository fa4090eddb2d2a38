import { MigrationEngine, ValidationError, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// Issue 17, roundTrip findings 23 and 24 on DynamoDB Local: a renameField of a GSI key attribute
// is refused before any change (the live table, by preflight), and the suggested dropIndex /
// renameField / createIndex is exact both ways; dropIndex and dropCollection in one migration
// have a down that recreates the index once.
describe.skipIf(!endpoint)('DynamoDB: renaming GSI keys, dropIndex with dropCollection', () => {
  const prefix = uniquePrefix('keyren');
  const adapter = makeAdapter(prefix, { waitTimeoutMs: 60_000 });
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  const gsis = async (table: string) =>
    ((await adapter.driver.describe(`${prefix}${table}`))?.GlobalSecondaryIndexes ?? []).map((g) => `${g.IndexName}:${(g.KeySchema ?? []).map((k) => k.AttributeName).join(',')}`).sort();
  const item = async (id: number) => (await adapter.driver.send('GetItem', { TableName: `${prefix}tags`, Key: { id: { N: String(id) } } })).Item as Record<string, unknown>;
  const tags = () =>
    migration('m1_tags').createCollection('tags', [
      { name: 'id', type: 'integer', primaryKey: true },
      { name: 'user', type: 'text' },
      { name: 'note', type: 'text' },
    ]);

  it('finding 23: renameField of a GSI key (createIndex, or a raw UpdateTable) is refused before any change, naming the index and what to do', async () => {
    await engine.up(
      tags()
        .createIndex('tags', 'tags_ix', [{ name: 'user' }])
        .build(),
    );
    await adapter.driver.send('PutItem', { TableName: `${prefix}tags`, Item: { id: { N: '1' }, user: { S: 'ann' }, note: { S: 'hi' } } });
    const rename = migration('m2_rename').renameField('tags', 'user', 'amount').build();
    const error = await engine.up(rename).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]).toMatchObject({ code: 'renames_index_key' });
    expect((error as Error).message).toContain(".dropIndex('tags', 'tags_ix').renameField('tags', 'user', 'amount').createIndex('tags', 'tags_ix', [{ name: 'amount' }])");
    // Nothing changed, nothing recorded.
    expect((await engine.getHistory()).map((h) => h.name)).toEqual(['m1_tags']);
    expect(await gsis('tags')).toEqual(['tags_ix:user']);
    expect(await item(1)).toMatchObject({ user: { S: 'ann' } });

    // A GSI made outside Ductape (raw UpdateTable) is read from DescribeTable the same way.
    await engine.up(
      migration('m3_raw_gsi')
        .raw(
          'dynamodb',
          {
            command: 'UpdateTable',
            input: {
              TableName: `${prefix}tags`,
              AttributeDefinitions: [{ AttributeName: 'note', AttributeType: 'S' }],
              GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'tags_raw', KeySchema: [{ AttributeName: 'note', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
            },
          },
          { down: { command: { command: 'UpdateTable', input: { TableName: `${prefix}tags`, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: 'tags_raw' } }] } } } },
        )
        .build(),
    );
    await expect(engine.up(migration('m4_rename_note').renameField('tags', 'note', 'text').build())).rejects.toThrow(/partition key of global secondary index "tags_raw"/);
    expect(await item(1)).toMatchObject({ note: { S: 'hi' } });
    expect((await engine.getHistory()).map((h) => h.name)).toEqual(['m1_tags', 'm3_raw_gsi']);
  });

  it('finding 23: the suggested dropIndex, renameField, createIndex moves the index to the new name, and its down moves it back', async () => {
    const m = migration('m5_move')
      .dropIndex('tags', 'tags_ix')
      .renameField('tags', 'user', 'amount')
      .createIndex('tags', 'tags_ix', [{ name: 'amount' }])
      .build();
    await engine.up(m);
    expect(await gsis('tags')).toEqual(['tags_ix:amount', 'tags_raw:note']);
    expect(await item(1)).toMatchObject({ amount: { S: 'ann' } });
    await engine.down(m);
    expect(await gsis('tags')).toEqual(['tags_ix:user', 'tags_raw:note']);
    expect(await item(1)).toMatchObject({ user: { S: 'ann' } });
  });

  it('finding 24: dropIndex and dropCollection in one migration: the down recreates the table and its index once', async () => {
    const m1 = migration('m6_events')
      .createCollection('events', [
        { name: 'id', type: 'integer', primaryKey: true },
        { name: 'user', type: 'text' },
      ])
      .createIndex('events', 'events_ix', [{ name: 'user' }])
      .build();
    const m2 = migration('m7_drop').dropIndex('events', 'events_ix').dropCollection('events').build();
    await engine.up(m1);
    const before = await adapter.introspect('events');
    await engine.up(m2);
    expect(await adapter.introspect('events')).toBeUndefined();
    await engine.down(m2);
    expect(await gsis('events')).toEqual(['events_ix:user']);
    expect(await adapter.introspect('events')).toEqual(before);
  });
});
