import { MigrationEngine, ValidationError, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { compileUp } from '../support/compile.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// A dropField of a key attribute is refused before any change: of a GSI (the index would stay on
// a field that no longer exists), of an LSI, or of the table (DynamoDB refuses the UpdateItem, so
// the step used to fail after the earlier steps of the migration had run).
describe.skipIf(!endpoint)('DynamoDB: dropping key attributes', () => {
  const prefix = uniquePrefix('keydrop');
  const adapter = makeAdapter(prefix, { waitTimeoutMs: 60_000 });
  const engine = new MigrationEngine(adapter);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  const item = async (table: string, key: Record<string, unknown>) => (await adapter.driver.send('GetItem', { TableName: `${prefix}${table}`, Key: key })).Item as Record<string, unknown>;
  const history = async () => (await engine.getHistory()).map((h) => h.name);
  const refusal = async (run: Promise<unknown>) => {
    const error = await run.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };

  it('a table key (live, by preflight): refused before the earlier steps run, no history row', async () => {
    await engine.up(
      migration('k1_notes')
        .createCollection('notes', [
          { name: 'id', type: 'integer', primaryKey: true },
          { name: 'body', type: 'text' },
        ])
        .build(),
    );
    await adapter.driver.send('PutItem', { TableName: `${prefix}notes`, Item: { id: { N: '1' }, body: { S: 'hi' } } });
    const m = migration('k2_drop_id').addField('notes', { name: 'flag', type: 'string', default: 'x' }).dropField('notes', 'id').build();
    const error = await refusal(engine.up(m));
    expect(error.issues[0]).toMatchObject({ code: 'drops_table_key' });
    expect(error.message).toContain('"id" is the partition key of table "notes"');
    expect(error.message).toContain('create a new table');
    // The addField's backfill did not run, and nothing was recorded.
    expect(await item('notes', { id: { N: '1' } })).toEqual({ id: { N: '1' }, body: { S: 'hi' } });
    expect(await history()).toEqual(['k1_notes']);
  });

  it('an LSI key (live, by preflight): refused before any change', async () => {
    const keys = { partitionKey: { name: 'id', type: 'S' as const }, sortKey: { name: 'at', type: 'N' as const } };
    await engine.up(
      migration('k3_events')
        .createCollection(
          'events',
          [
            { name: 'id', type: 'string', primaryKey: true },
            { name: 'at', type: 'integer' },
            { name: 'kind', type: 'string' },
          ],
          { dynamoOptions: { ...keys, localSecondaryIndexes: [{ name: 'by_kind', sortKey: { name: 'kind', type: 'S' } }] } },
        )
        .build(),
    );
    await adapter.driver.send('PutItem', { TableName: `${prefix}events`, Item: { id: { S: 'a' }, at: { N: '1' }, kind: { S: 'k' } } });
    const error = await refusal(engine.up(migration('k4_drop_kind').dropField('events', 'kind').build()));
    expect(error.issues[0]).toMatchObject({ code: 'drops_index_key' });
    expect(error.message).toContain('local secondary index "by_kind" of "events"');
    expect(await item('events', { id: { S: 'a' }, at: { N: '1' } })).toMatchObject({ kind: { S: 'k' } });
    expect(await history()).toEqual(['k1_notes', 'k3_events']);
  });

  it('a GSI key the migration itself creates (dynamoOptions): refused at compile time, nothing created', async () => {
    const m = migration('k5_tags')
      .createCollection(
        'tags',
        [
          { name: 'id', type: 'string', primaryKey: true },
          { name: 'user', type: 'string' },
        ],
        {
          dynamoOptions: { globalSecondaryIndexes: [{ name: 'by_user', partitionKey: { name: 'user', type: 'S' } }] },
        },
      )
      .dropField('tags', 'user')
      .build();
    const error = await refusal(engine.up(m));
    expect(error.issues[0]).toMatchObject({ code: 'drops_index_key' });
    expect(error.message).toContain(".dropIndex('tags', 'by_user').dropField('tags', 'user')");
    expect(await adapter.introspect('tags')).toBeUndefined();
    expect(await history()).toEqual(['k1_notes', 'k3_events']);
    expect(() => compileUp(m)).toThrow(/global secondary index "by_user"/);
  });

  it('a live GSI key (made by hand, read from DescribeTable by preflight) is refused; after its dropIndex the drop is allowed', async () => {
    await adapter.driver.send('UpdateTable', {
      TableName: `${prefix}notes`,
      AttributeDefinitions: [{ AttributeName: 'body', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [{ Create: { IndexName: 'by_body', KeySchema: [{ AttributeName: 'body', KeyType: 'HASH' }], Projection: { ProjectionType: 'KEYS_ONLY' } } }],
    });
    const drop = compileUp(migration('x').dropField('notes', 'body').build(), prefix);
    await adapter.introspect('notes'); // waits until the GSI is ACTIVE
    const error = await refusal(adapter.preflight(drop));
    expect(error.issues[0]).toMatchObject({ code: 'drops_index_key' });
    expect(error.message).toContain(`.dropIndex('notes', 'by_body').dropField('notes', 'body')`);
    const both = compileUp(migration('x').dropIndex('notes', 'by_body').dropField('notes', 'body').build(), prefix);
    await expect(adapter.preflight(both)).resolves.toBeUndefined();
  });
});
