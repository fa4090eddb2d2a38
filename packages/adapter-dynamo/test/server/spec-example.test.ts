import { MigrationEngine, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import { specUsersMigration } from '../support/spec-example.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// The spec's DynamoDB section (`db.schema.create('users', …, { dynamoOptions })`), built with
// core's builder and run through MigrationEngine on DynamoDB Local.
describe.skipIf(!endpoint)('spec DynamoDB example on DynamoDB Local', () => {
  const prefix = uniquePrefix('spec');
  const adapter = makeAdapter(prefix);
  afterAll(async () => {
    await dropTables(adapter, prefix);
    await adapter.close();
  });

  const m = specUsersMigration();

  it('creates the table with keys, GSI, LSI, stream and TTL, and records it', async () => {
    const engine = new MigrationEngine(adapter);
    const result = await engine.up(m);
    expect(result.outcome).toBe('applied');
    const t = (await adapter.driver.describe(`${prefix}users`))!;
    expect(t.TableStatus).toBe('ACTIVE');
    expect(t.KeySchema).toEqual([
      { AttributeName: 'id', KeyType: 'HASH' },
      { AttributeName: 'created_at', KeyType: 'RANGE' },
    ]);
    expect(t.GlobalSecondaryIndexes?.map((g) => [g.IndexName, g.IndexStatus])).toEqual([['email-index', 'ACTIVE']]);
    expect(t.LocalSecondaryIndexes?.map((l) => [l.IndexName, l.Projection?.ProjectionType])).toEqual([['created-index', 'KEYS_ONLY']]);
    expect(t.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const ttl = await adapter.driver.send('DescribeTimeToLive', { TableName: `${prefix}users` });
    expect(ttl.TimeToLiveDescription).toMatchObject({ AttributeName: 'expires_at' });
    const history = await engine.getHistory();
    expect(history.map((h) => [h.name, h.status, h.stepsApplied, h.stepsTotal])).toEqual([['create_users', 'applied', 2, 2]]);
    expect(history[0]?.migration).toEqual(JSON.parse(JSON.stringify(m)));
  });

  it('introspects it completely, so a drop can be undone to the same table', async () => {
    const snap = (await adapter.introspect('users'))!;
    expect(snap.options?.dynamoOptions).toEqual(m.up[0]?.type === 'createCollection' ? { ...m.up[0].options?.dynamoOptions } : undefined);
    expect(snap.indexes).toEqual([{ name: 'email-index', fields: [{ name: 'email' }] }]);
    const engine = new MigrationEngine(adapter);
    const drop = migration('drop_users').dropCollection('users', { previous: snap }).build();
    await engine.up(drop);
    expect(await adapter.introspect('users')).toBeUndefined();
    await engine.down(drop);
    expect(await adapter.introspect('users')).toEqual(snap);
  });

  it('rolls back with DeleteTable', async () => {
    const engine = new MigrationEngine(adapter);
    await engine.down(m);
    expect(await adapter.introspect('users')).toBeUndefined();
    expect(await engine.getHistory()).toEqual([]);
  });
});
