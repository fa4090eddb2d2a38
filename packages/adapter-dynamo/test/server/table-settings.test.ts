import { type DynamoOptionChanges, MigrationEngine, UnsupportedOperationError, migration } from '@ductape/core';
import { afterAll, describe, expect, it } from 'vitest';
import type { DynamoAdapter } from '../../src/dynamo-adapter.js';
import type { DynamoFeatures } from '../../src/dynamo-probe.js';
import { dropTables, endpoint, makeAdapter, uniquePrefix } from '../support/dynamo.js';

// alterCollectionOptions on DynamoDB Local (issue 25): settings turned on after creation, through
// up, down and up, compared with DynamoDB's own view (DescribeTable, DescribeTimeToLive).
// DynamoDB Local 3.x lacks point-in-time recovery (UpdateContinuousBackups and
// DescribeContinuousBackups are unknown operations), tags ("Tagging is not currently supported")
// and encryption settings (it drops an SSESpecification): the adapter refuses them there before
// any change, and with the features assumed (as for AWS) the exact commands are captured as sent
// to the emulator, which refuses them — a recording of the real client, not a mocked driver.

const prefixes: string[] = [];
const adapters: DynamoAdapter[] = [];

function adapterFor(label: string, features?: Partial<DynamoFeatures>): { adapter: DynamoAdapter; table: (c: string) => string } {
  const prefix = uniquePrefix(label);
  prefixes.push(prefix);
  const adapter = makeAdapter(prefix, features ? { features } : {});
  adapters.push(adapter);
  return { adapter, table: (c) => `${prefix}${c}` };
}

/** What DynamoDB reports of a table's settings (its own view; no Ductape code reads it). */
async function catalog(adapter: DynamoAdapter, table: string) {
  const d = (await adapter.driver.send('DescribeTable', { TableName: table })).Table as Record<string, never>;
  const ttl = (await adapter.driver.send('DescribeTimeToLive', { TableName: table })).TimeToLiveDescription;
  const throughput = (t: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) => [t?.ReadCapacityUnits, t?.WriteCapacityUnits];
  const billingMode = (d.BillingModeSummary as { BillingMode?: string } | undefined)?.BillingMode;
  // After a switch back to PAY_PER_REQUEST, DynamoDB Local keeps reporting the capacities a GSI had
  // while PROVISIONED (the table's own read 0); they mean nothing on an on-demand table, so a GSI's
  // capacities are compared only on a PROVISIONED table.
  const gsiThroughput = (t: never) => (billingMode === 'PROVISIONED' ? throughput(t) : []);
  return {
    billingMode,
    throughput: throughput(d.ProvisionedThroughput),
    gsis: ((d.GlobalSecondaryIndexes as { IndexName: string; ProvisionedThroughput?: never }[] | undefined) ?? []).map((g) => [g.IndexName, ...gsiThroughput(g.ProvisionedThroughput as never)]),
    stream: d.StreamSpecification ?? null,
    deletionProtection: d.DeletionProtectionEnabled,
    sse: d.SSEDescription ?? null,
    ttl,
  };
}

/** Captures every command the adapter's real AWS client sends (SDK middleware; DynamoDB Local answers). */
function capture(adapter: DynamoAdapter): { name: string; input: Record<string, unknown> }[] {
  const sent: { name: string; input: Record<string, unknown> }[] = [];
  adapter.driver.client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push({ name: String(context.commandName).replace(/Command$/, ''), input: args.input as Record<string, unknown> });
      return next(args);
    },
    { step: 'initialize', name: 'ductapeTestCapture' },
  );
  return sent;
}

const createOrders = () =>
  migration('create_orders')
    .createCollection(
      'orders',
      { id: { type: 'string', primaryKey: true }, user: 'string' },
      {
        dynamoOptions: { globalSecondaryIndexes: [{ name: 'by_user', partitionKey: { name: 'user', type: 'S' } }] },
      },
    )
    .build();

const turnedOn: DynamoOptionChanges = {
  ttlAttribute: 'expires_at',
  streamEnabled: true,
  streamViewType: 'NEW_AND_OLD_IMAGES',
  deletionProtection: true,
  billingMode: 'PROVISIONED',
  readCapacity: 5,
  writeCapacity: 3,
};

describe.skipIf(!endpoint)('alterCollectionOptions on DynamoDB Local', () => {
  afterAll(async () => {
    for (const [i, adapter] of adapters.entries()) {
      const prefix = prefixes[i] as string;
      await adapter.driver.send('UpdateTable', { TableName: `${prefix}orders`, DeletionProtectionEnabled: false }).catch(() => undefined);
      await dropTables(adapter, prefix);
      await adapter.close();
    }
  });

  it('TTL, stream, deletion protection and PROVISIONED throughput turned on after creation round-trip through up, down and up with the catalog identical each time', async () => {
    const { adapter, table } = adapterFor('set');
    await adapter.connect();
    const engine = new MigrationEngine(adapter);
    await engine.up(createOrders());
    const before = await catalog(adapter, table('orders'));
    const snapshotBefore = await adapter.introspect('orders');
    expect(before).toEqual({ billingMode: 'PAY_PER_REQUEST', throughput: [0, 0], gsis: [['by_user']], stream: null, deletionProtection: false, sse: null, ttl: { TimeToLiveStatus: 'DISABLED' } });

    const m = migration('orders_settings').alterCollectionOptions('orders', { dynamoOptions: turnedOn }).build();
    await engine.up(m);
    const after = await catalog(adapter, table('orders'));
    expect(after).toEqual({
      billingMode: 'PROVISIONED',
      throughput: [5, 3],
      gsis: [['by_user', 5, 3]],
      stream: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' },
      deletionProtection: true,
      sse: null,
      ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' },
    });
    const snapshotAfter = await adapter.introspect('orders');
    expect(snapshotAfter?.options?.dynamoOptions).toMatchObject({ ...turnedOn, globalSecondaryIndexes: [{ name: 'by_user', readCapacity: 5, writeCapacity: 3 }] });
    // The history row keeps the settings read before the change: down works from history alone.
    const recorded = (await adapter.history.list()).find((e) => e.name === 'orders_settings')?.migration.up[0];
    expect(recorded).toMatchObject({ previous: { dynamoOptions: { ttlAttribute: null, streamEnabled: false, deletionProtection: false, billingMode: 'PAY_PER_REQUEST' } } });

    await engine.down(m);
    expect(await catalog(adapter, table('orders'))).toEqual(before);
    expect(await adapter.introspect('orders')).toEqual(snapshotBefore);

    await engine.up(m);
    expect(await catalog(adapter, table('orders'))).toEqual(after);
    expect(await adapter.introspect('orders')).toEqual(snapshotAfter);

    // Deletion protection is DynamoDB's own: the table cannot be dropped while it is on.
    await expect(adapter.driver.send('DeleteTable', { TableName: table('orders') })).rejects.toThrow(/protected against deletion/);
  });

  it('a changed TTL attribute and stream view type are restored exactly by down (off, then on with the old ones)', async () => {
    const { adapter, table } = adapterFor('swap');
    await adapter.connect();
    const engine = new MigrationEngine(adapter);
    await engine.up(createOrders());
    await engine.up(
      migration('first')
        .alterCollectionOptions('orders', { dynamoOptions: { ttlAttribute: 'expires_at', streamEnabled: true, streamViewType: 'KEYS_ONLY' } })
        .build(),
    );
    const before = await catalog(adapter, table('orders'));
    const m = migration('second')
      .alterCollectionOptions('orders', { dynamoOptions: { ttlAttribute: 'gone_at', streamEnabled: true, streamViewType: 'NEW_IMAGE' } })
      .build();
    await engine.up(m);
    expect(await catalog(adapter, table('orders'))).toMatchObject({ stream: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' }, ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: 'gone_at' } });
    await engine.down(m);
    expect(await catalog(adapter, table('orders'))).toEqual(before);
    expect(before).toMatchObject({ stream: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' }, ttl: { TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' } });
  });

  it('tags, point-in-time recovery and encryption are refused on DynamoDB Local before any change, with no history row', async () => {
    const { adapter, table } = adapterFor('refuse');
    await adapter.connect();
    expect(adapter.features).toEqual({ gsisInCreateTable: false, tagging: false, pointInTimeRecovery: false, encryptionSettings: false });
    const engine = new MigrationEngine(adapter);
    await engine.up(createOrders());
    const before = await catalog(adapter, table('orders'));
    for (const dynamoOptions of [{ tags: { team: 'payments' } }, { pointInTimeRecovery: true }, { sseEnabled: true }] as DynamoOptionChanges[]) {
      const sent = capture(adapter);
      const error = await engine.up(migration('refused').alterCollectionOptions('orders', { dynamoOptions }).build()).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedOperationError);
      expect((error as Error).message).toMatch(/DynamoDB Local/);
      expect(sent.filter((c) => !['DescribeTable', 'DescribeTimeToLive', 'GetItem', 'Scan', 'Query', 'PutItem', 'UpdateItem'].includes(c.name))).toEqual([]);
      adapter.driver.client.middlewareStack.remove('ductapeTestCapture');
    }
    expect((await adapter.history.list()).map((e) => e.name)).toEqual(['create_orders']);
    expect(await catalog(adapter, table('orders'))).toEqual(before);
  });

  it('with the features assumed (compiled for AWS), the exact commands AWS needs are sent: the emulator refuses each, the run is recorded failed', async () => {
    for (const [label, dynamoOptions, previous, expected] of [
      [
        'pitr',
        { pointInTimeRecovery: true },
        { pointInTimeRecovery: false },
        { name: 'UpdateContinuousBackups', input: { PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }, error: /unknown operation/i },
      ],
      ['tags', { tags: { team: 'payments' } }, { tags: { team: null } }, { name: 'TagResource', input: { Tags: [{ Key: 'team', Value: 'payments' }] }, error: /Tagging is not currently supported/ }],
      [
        'sse',
        { sseEnabled: true, sseKmsKeyId: 'alias/orders' },
        { sseEnabled: false },
        { name: 'UpdateTable', input: { SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/orders' } }, error: /Nothing to update/ },
      ],
    ] as const) {
      const { adapter, table } = adapterFor(label, { tagging: true, pointInTimeRecovery: true, encryptionSettings: true });
      await adapter.connect();
      const engine = new MigrationEngine(adapter);
      await adapter.driver.send('CreateTable', {
        TableName: table('orders'),
        KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
        AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
        BillingMode: 'PAY_PER_REQUEST',
      });
      const sent = capture(adapter);
      // `previous` given: introspection, which would read PITR and tags, is not needed to apply it.
      const m = migration(`assume_${label}`)
        .alterCollectionOptions('orders', { dynamoOptions }, { previous: { dynamoOptions: previous } })
        .build();
      const error = await engine.up(m).catch((e: unknown) => e);
      expect((error as Error).message).toMatch(expected.error);
      const command = sent.find((c) => c.name === expected.name);
      const target = label === 'tags' ? { ResourceArn: `arn:aws:dynamodb:ddblocal:000000000000:table/${table('orders')}` } : { TableName: table('orders') };
      expect(command?.input).toEqual({ ...target, ...expected.input });
      expect((await adapter.history.list()).find((e) => e.name === m.name)?.status).toBe('failed');
    }
  });

  it('with the features assumed, introspection sends DescribeContinuousBackups and ListTagsOfResource; the emulator does not know them, so the table has neither', async () => {
    const { adapter, table } = adapterFor('read', { tagging: true, pointInTimeRecovery: true, encryptionSettings: true });
    await adapter.connect();
    await adapter.driver.send('CreateTable', {
      TableName: table('orders'),
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
    const sent = capture(adapter);
    const snapshot = await adapter.introspect('orders');
    expect(sent.filter((c) => ['DescribeContinuousBackups', 'ListTagsOfResource'].includes(c.name))).toEqual([
      { name: 'DescribeContinuousBackups', input: { TableName: table('orders') } },
      { name: 'ListTagsOfResource', input: { ResourceArn: `arn:aws:dynamodb:ddblocal:000000000000:table/${table('orders')}` } },
    ]);
    expect(snapshot?.options?.dynamoOptions).not.toHaveProperty('pointInTimeRecovery');
    expect(snapshot?.options?.dynamoOptions).not.toHaveProperty('tags');
  });
});
