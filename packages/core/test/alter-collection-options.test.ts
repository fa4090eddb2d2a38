import { describe, expect, it } from 'vitest';
import { MigrationEngine, OPERATIONS, UnsupportedOperationError, ValidationError, inverseOf, migration, validationIssues } from '../src/index.js';
import { resolveMigration } from '../src/engine/resolve.js';
import { MemoryAdapter } from '../src/testing.js';

// alterCollectionOptions (issue 25): settings of an existing collection, per database; down sets
// back what the engine read before the change.

const orders = () =>
  migration('create_orders')
    .createCollection(
      'orders',
      { id: { type: 'string', primaryKey: true } },
      {
        dynamoOptions: {
          billingMode: 'PROVISIONED',
          readCapacity: 5,
          writeCapacity: 5,
          globalSecondaryIndexes: [{ name: 'by_user', partitionKey: { name: 'user', type: 'S' }, readCapacity: 2, writeCapacity: 3 }],
          streamEnabled: true,
          streamViewType: 'KEYS_ONLY',
          ttlAttribute: 'old_ttl',
          tags: { team: 'a', env: 'dev' },
        },
      },
    )
    .build();

async function withOrders(adapter = new MemoryAdapter()): Promise<MemoryAdapter> {
  await new MigrationEngine(adapter).up(orders());
  return adapter;
}

const settings = {
  ttlAttribute: 'expires_at',
  streamEnabled: true,
  streamViewType: 'NEW_AND_OLD_IMAGES',
  sseEnabled: true,
  pointInTimeRecovery: true,
  deletionProtection: true,
  tags: { team: 'b', owner: 'ops' },
  billingMode: 'PAY_PER_REQUEST',
} as const;

describe('alterCollectionOptions', () => {
  it('is registered, summarised and built by the builder without previous (the engine reads it)', () => {
    const m = migration('settings')
      .alterCollectionOptions('orders', { dynamoOptions: { pointInTimeRecovery: true, tags: { team: 'b' } } })
      .build();
    expect(m.up).toEqual([{ type: 'alterCollectionOptions', collection: 'orders', options: { dynamoOptions: { pointInTimeRecovery: true, tags: { team: 'b' } } } }]);
    expect(m.irreversible).toMatch(/has no previous settings/);
    expect(OPERATIONS.alterCollectionOptions.summary(m.up[0] as never)).toBe('alterCollectionOptions orders (dynamoOptions: pointInTimeRecovery, tags)');
    expect(OPERATIONS.alterCollectionOptions.missingPrevious(m.up[0] as never)).toBe('alterCollectionOptions orders does not carry the current pointInTimeRecovery, tags settings (previous)');
  });

  it('refuses malformed settings with stable codes', () => {
    const up = [
      { type: 'alterCollectionOptions', collection: 'orders', options: {} },
      { type: 'alterCollectionOptions', collection: 'orders', options: { sqlOptions: { comment: 'x' } } },
      {
        type: 'alterCollectionOptions',
        collection: 'orders',
        options: { dynamoOptions: { streamEnabled: true, ttlAttribute: '', sseKmsKeyId: 'k', tags: { 'aws:x': 'v' }, readCapacity: 3, colour: 'red' } },
      },
      {
        type: 'alterCollectionOptions',
        collection: 'orders',
        options: { dynamoOptions: { billingMode: 'PROVISIONED', readCapacity: 0, writeCapacity: 2, indexThroughput: { g: { readCapacity: 1 } } } },
      },
      { type: 'alterCollectionOptions', collection: 'orders', options: { dynamoOptions: { billingMode: 'PAY_PER_REQUEST', readCapacity: 1 } } },
    ];
    const issues = validationIssues({ name: 'm', tag: '20240101_000000_m', up, down: [] });
    expect(issues.map((i) => `${i.code} ${i.path}`)).toEqual([
      'empty_change up[0].options',
      'unknown_option_block up[1].options.sqlOptions',
      'unknown_option up[2].options.dynamoOptions.colour',
      'invalid_option up[2].options.dynamoOptions.ttlAttribute',
      'stream_without_view_type up[2].options.dynamoOptions.streamViewType',
      'invalid_option up[2].options.dynamoOptions.sseKmsKeyId',
      'invalid_tag up[2].options.dynamoOptions.tags.aws:x',
      'invalid_option up[2].options.dynamoOptions.billingMode',
      'invalid_option up[3].options.dynamoOptions.readCapacity',
      'invalid_option up[3].options.dynamoOptions.indexThroughput.g',
      'invalid_option up[4].options.dynamoOptions.billingMode',
    ]);
  });

  it('inverse swaps options and previous, and the inverse of the inverse is the op', () => {
    const op = {
      type: 'alterCollectionOptions' as const,
      collection: 'orders',
      options: { dynamoOptions: { ttlAttribute: 'exp', tags: { team: 'b', owner: 'ops' } } },
      previous: { dynamoOptions: { ttlAttribute: null, tags: { team: 'a', owner: null } } },
    };
    const back = inverseOf(op);
    expect(back).toEqual({ ok: true, op: { type: 'alterCollectionOptions', collection: 'orders', options: op.previous, previous: op.options } });
    expect(back.ok && back.op && inverseOf(back.op)).toEqual({ ok: true, op });
  });

  it('resolves previous from the live collection: the whole group of each setting, and each named tag (null when absent)', async () => {
    const resolved = await resolveMigration(await withOrders(), migration('settings').alterCollectionOptions('orders', { dynamoOptions: settings }).build());
    const previous = {
      dynamoOptions: {
        ttlAttribute: 'old_ttl',
        streamEnabled: true,
        streamViewType: 'KEYS_ONLY',
        sseEnabled: false,
        pointInTimeRecovery: false,
        deletionProtection: false,
        tags: { team: 'a', owner: null },
        billingMode: 'PROVISIONED',
        readCapacity: 5,
        writeCapacity: 5,
        indexThroughput: { by_user: { readCapacity: 2, writeCapacity: 3 } },
      },
    };
    expect(resolved.up).toEqual([{ type: 'alterCollectionOptions', collection: 'orders', options: { dynamoOptions: settings }, previous }]);
    expect(resolved.down).toEqual([{ type: 'alterCollectionOptions', collection: 'orders', options: previous, previous: { dynamoOptions: settings } }]);
  });

  it('up then down gives the collection its settings back exactly (in-memory database)', async () => {
    const adapter = await withOrders();
    const engine = new MigrationEngine(adapter);
    const before = await adapter.introspect('orders');
    const m = migration('settings').alterCollectionOptions('orders', { dynamoOptions: settings }).build();
    await engine.up(m);
    const after = (await adapter.introspect('orders'))?.options?.dynamoOptions;
    expect(after).toMatchObject({
      ttlAttribute: 'expires_at',
      streamViewType: 'NEW_AND_OLD_IMAGES',
      sseEnabled: true,
      pointInTimeRecovery: true,
      deletionProtection: true,
      billingMode: 'PAY_PER_REQUEST',
    });
    expect(after?.tags).toEqual({ team: 'b', env: 'dev', owner: 'ops' });
    expect(after?.readCapacity).toBeUndefined();
    expect(after?.globalSecondaryIndexes?.[0]).toEqual({ name: 'by_user', partitionKey: { name: 'user', type: 'S' } });
    await engine.down(m);
    expect(await adapter.introspect('orders')).toEqual(before);
  });

  it('a later op of the same migration resolves against the changed settings', async () => {
    const resolved = await resolveMigration(
      await withOrders(),
      migration('twice')
        .alterCollectionOptions('orders', { dynamoOptions: { ttlAttribute: null } })
        .alterCollectionOptions('orders', { dynamoOptions: { ttlAttribute: 'exp' } })
        .build(),
    );
    expect(resolved.up.map((op) => (op as { previous?: unknown }).previous)).toEqual([{ dynamoOptions: { ttlAttribute: 'old_ttl' } }, { dynamoOptions: { ttlAttribute: null } }]);
  });

  it('refuses a missing collection before any change', async () => {
    const error = await resolveMigration(
      new MemoryAdapter(),
      migration('ghost')
        .alterCollectionOptions('ghosts', { dynamoOptions: { deletionProtection: true } })
        .build(),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues).toEqual([{ code: 'not_found', path: 'up[0]', message: 'alterCollectionOptions: collection "ghosts" does not exist' }]);
  });

  it('an adapter that does not list the block refuses it before any IO (no history row)', async () => {
    const adapter = await withOrders(new MemoryAdapter({ capabilities: { optionChanges: [] } }));
    const executed = adapter.executed.length;
    const error = await new MigrationEngine(adapter)
      .up(
        migration('settings')
          .alterCollectionOptions('orders', { dynamoOptions: { pointInTimeRecovery: true } })
          .build(),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect((error as Error).message).toMatch(/alterCollectionOptions dynamoOptions on "orders".*it changes no collection options/);
    expect(adapter.executed.length).toBe(executed);
    expect((await adapter.history.list()).map((e) => e.name)).toEqual(['create_orders']);
  });
});
