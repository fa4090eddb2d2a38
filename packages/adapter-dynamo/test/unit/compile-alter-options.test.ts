import { type AlterCollectionOptionsOp, type DynamoOptionChanges, UnsupportedOperationError, migration } from '@ductape/core';
import { describe, expect, it } from 'vitest';
import { LOCAL_FEATURES } from '../../src/dynamo-probe.js';
import { compileOp, compileUp } from '../support/compile.js';

// alterCollectionOptions (issue 25): one step per setting that differs from `previous`.

function alter(options: DynamoOptionChanges, previous: DynamoOptionChanges): AlterCollectionOptionsOp {
  return { type: 'alterCollectionOptions', collection: 'orders', options: { dynamoOptions: options }, previous: { dynamoOptions: previous } };
}

const off: DynamoOptionChanges = {
  ttlAttribute: null,
  streamEnabled: false,
  sseEnabled: false,
  pointInTimeRecovery: false,
  deletionProtection: false,
  tags: { team: null, env: 'dev' },
  billingMode: 'PAY_PER_REQUEST',
};
const on: DynamoOptionChanges = {
  ttlAttribute: 'expires_at',
  streamEnabled: true,
  streamViewType: 'NEW_AND_OLD_IMAGES',
  sseEnabled: true,
  sseKmsKeyId: 'alias/orders',
  pointInTimeRecovery: true,
  deletionProtection: true,
  tags: { team: 'payments', env: null },
  billingMode: 'PROVISIONED',
  readCapacity: 5,
  writeCapacity: 4,
  indexThroughput: { by_user: { readCapacity: 2, writeCapacity: 1 } },
};

describe('alterCollectionOptions (golden)', () => {
  it('turns every setting on, in a fixed order, each a step of its own with its setting', () => {
    const steps = compileOp(alter(on, off), 'app_');
    expect(steps.map((s) => s.summary)).toEqual([
      'UpdateTable app_orders: billing PROVISIONED 5 read / 4 write; GSIs not named get the same, wait until table app_orders is ACTIVE',
      'UpdateTable app_orders: stream on (NEW_AND_OLD_IMAGES), wait until table app_orders is ACTIVE',
      'UpdateTable app_orders: encryption with the KMS key alias/orders, wait until table app_orders is ACTIVE',
      'UpdateTimeToLive app_orders: TTL on (expires_at), wait until ENABLED',
      'UpdateContinuousBackups app_orders: point-in-time recovery on',
      'UpdateTable app_orders: deletion protection on, wait until table app_orders is ACTIVE',
      'TagResource app_orders: team',
      'UntagResource app_orders: env',
    ]);
    expect(steps.map((s) => (s.kind === 'command' ? [s.name, s.args] : s))).toEqual([
      [
        'UpdateTable',
        {
          input: {
            TableName: 'app_orders',
            BillingMode: 'PROVISIONED',
            ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 4 },
            GlobalSecondaryIndexUpdates: [{ Update: { IndexName: 'by_user', ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 1 } } }],
          },
          wait: { table: 'app_orders', until: 'ACTIVE' },
          setting: { kind: 'billing', mode: 'PROVISIONED', read: 5, write: 4, gsisFromTable: true },
        },
      ],
      [
        'UpdateTable',
        {
          input: { TableName: 'app_orders', StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } },
          wait: { table: 'app_orders', until: 'ACTIVE' },
          setting: { kind: 'stream', enabled: true, viewType: 'NEW_AND_OLD_IMAGES' },
        },
      ],
      [
        'UpdateTable',
        {
          input: { TableName: 'app_orders', SSESpecification: { Enabled: true, SSEType: 'KMS', KMSMasterKeyId: 'alias/orders' } },
          wait: { table: 'app_orders', until: 'ACTIVE' },
          setting: { kind: 'sse', enabled: true, kmsKeyId: 'alias/orders' },
        },
      ],
      [
        'UpdateTimeToLive',
        { input: { TableName: 'app_orders', TimeToLiveSpecification: { AttributeName: 'expires_at', Enabled: true } }, setting: { kind: 'ttl', attribute: 'expires_at', enabled: true } },
      ],
      [
        'UpdateContinuousBackups',
        { input: { TableName: 'app_orders', PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true } }, setting: { kind: 'pointInTimeRecovery', enabled: true } },
      ],
      ['UpdateTable', { input: { TableName: 'app_orders', DeletionProtectionEnabled: true }, wait: { table: 'app_orders', until: 'ACTIVE' }, setting: { kind: 'deletionProtection', enabled: true } }],
      ['TagResource', { input: { TableName: 'app_orders', Tags: [{ Key: 'team', Value: 'payments' }] }, setting: { kind: 'tags' } }],
      ['UntagResource', { input: { TableName: 'app_orders', TagKeys: ['env'] }, setting: { kind: 'tags' } }],
    ]);
  });

  it('its down (options and previous swapped) turns them back off; a changed TTL attribute or stream view is off-then-on', () => {
    const back = compileOp(alter(off, on));
    expect(back.map((s) => s.summary.replace(/, wait until table orders is ACTIVE$/, ''))).toEqual([
      'UpdateTable orders: billing PAY_PER_REQUEST',
      'UpdateTable orders: stream off',
      'UpdateTable orders: encryption with the AWS owned key',
      'UpdateTimeToLive orders: TTL off (expires_at), wait until DISABLED',
      'UpdateContinuousBackups orders: point-in-time recovery off',
      'UpdateTable orders: deletion protection off',
      'TagResource orders: env',
      'UntagResource orders: team',
    ]);
    const moved = compileOp(alter({ ttlAttribute: 'b', streamEnabled: true, streamViewType: 'KEYS_ONLY' }, { ttlAttribute: 'a', streamEnabled: true, streamViewType: 'NEW_IMAGE' }));
    expect(moved.map((s) => s.summary.replace(/, wait until table orders is ACTIVE$/, ''))).toEqual([
      'UpdateTable orders: stream off',
      'UpdateTable orders: stream on (KEYS_ONLY)',
      'UpdateTimeToLive orders: TTL off (a), wait until DISABLED',
      'UpdateTimeToLive orders: TTL on (b), wait until ENABLED',
    ]);
  });

  it('only what differs is sent; nothing differing is a no-op step, not an empty plan', () => {
    const same = compileOp(
      alter(
        { ttlAttribute: 'a', tags: { team: 'x' }, billingMode: 'PROVISIONED', readCapacity: 1, writeCapacity: 1 },
        { ttlAttribute: 'a', tags: { team: 'x' }, billingMode: 'PROVISIONED', readCapacity: 1, writeCapacity: 1 },
      ),
    );
    expect(same).toEqual([{ kind: 'noop', summary: 'alterCollectionOptions orders: already so', reason: expect.stringContaining('orders already has') }]);
    const capacity = compileOp(alter({ billingMode: 'PROVISIONED', readCapacity: 9, writeCapacity: 1 }, { billingMode: 'PROVISIONED', readCapacity: 1, writeCapacity: 1 }));
    expect(capacity.map((s) => (s.kind === 'command' ? s.args : s))).toEqual([
      {
        input: { TableName: 'orders', BillingMode: 'PROVISIONED', ProvisionedThroughput: { ReadCapacityUnits: 9, WriteCapacityUnits: 1 } },
        wait: { table: 'orders', until: 'ACTIVE' },
        setting: { kind: 'billing', mode: 'PROVISIONED', read: 9, write: 1 },
      },
    ]);
  });

  it('without previous it is not compiled: the engine reads it first (plan offline refuses it as needing the live schema)', () => {
    const m = migration('settings')
      .alterCollectionOptions('orders', { dynamoOptions: { pointInTimeRecovery: true } })
      .build();
    expect(m.irreversible).toMatch(/no previous settings/);
  });

  it('on DynamoDB Local, tags, point-in-time recovery and encryption are refused before any change; TTL, streams, deletion protection and billing compile', () => {
    const local = (o: DynamoOptionChanges, p: DynamoOptionChanges) => () => compileUp(migration('m').operation(alter(o, p)).build(), '', LOCAL_FEATURES);
    expect(local({ tags: { a: 'b' } }, { tags: { a: null } })).toThrow(UnsupportedOperationError);
    expect(local({ tags: { a: 'b' } }, { tags: { a: null } })).toThrow(/DynamoDB Local.*lacks tags.*features: \{ tagging: true \}/);
    expect(local({ pointInTimeRecovery: true }, { pointInTimeRecovery: false })).toThrow(/point-in-time recovery/);
    expect(local({ sseEnabled: true }, { sseEnabled: false })).toThrow(/encryption settings/);
    // Nothing to change is nothing to refuse (introspection there cannot read them: they read as off).
    expect(
      compileUp(
        migration('m')
          .operation(alter({ pointInTimeRecovery: false }, { pointInTimeRecovery: false }))
          .build(),
        '',
        LOCAL_FEATURES,
      )[0]?.kind,
    ).toBe('noop');
    const ok = compileUp(
      migration('m')
        .operation(alter({ ttlAttribute: 'e', streamEnabled: true, streamViewType: 'KEYS_ONLY', deletionProtection: true }, { ttlAttribute: null, streamEnabled: false, deletionProtection: false }))
        .build(),
      '',
      LOCAL_FEATURES,
    );
    expect(ok.map((s) => (s.kind === 'command' ? s.name : s.kind))).toEqual(['UpdateTable', 'UpdateTimeToLive', 'UpdateTable']);
  });

  it('createCollection carries encryption, deletion protection and tags in CreateTable, then point-in-time recovery (a dropped table comes back with them)', () => {
    const m = migration('create')
      .createCollection('orders', { id: { type: 'string', primaryKey: true } }, { dynamoOptions: { sseEnabled: true, deletionProtection: true, tags: { team: 'a' }, pointInTimeRecovery: true } })
      .build();
    const [create, pitr] = compileUp(m);
    expect(create?.summary).toBe('CreateTable orders (id S HASH; KMS encryption; deletion protection; tags), wait until table orders is ACTIVE');
    expect((create?.kind === 'command' ? create.args.input : {}) as object).toMatchObject({
      SSESpecification: { Enabled: true, SSEType: 'KMS' },
      DeletionProtectionEnabled: true,
      Tags: [{ Key: 'team', Value: 'a' }],
    });
    expect(pitr?.summary).toBe('UpdateContinuousBackups orders: point-in-time recovery on');
    expect(() => compileUp(m, '', LOCAL_FEATURES)).toThrow(/DynamoDB Local/);
  });
});
