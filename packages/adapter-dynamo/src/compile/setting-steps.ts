import { type CommandStep, type DynamoOptionChanges, UnsupportedOperationError } from '@ductape/core';
import type { DynamoFeatures } from '../dynamo-probe.js';
import { commandStep } from './step.js';

// One step per table setting: DynamoDB takes one kind of change per UpdateTable, and each waits
// until the table is ACTIVE again before the next (the adapter's execute does).

type Feature = 'tagging' | 'pointInTimeRecovery' | 'encryptionSettings';

const LACKS: { readonly [F in Feature]: string } = {
  tagging: 'tags ("Tagging is not currently supported in DynamoDB Local")',
  pointInTimeRecovery: 'point-in-time recovery (UpdateContinuousBackups is an unknown operation there)',
  encryptionSettings: 'encryption settings (it drops an SSESpecification without a word)',
};

/**
 * Refuses, before any change, a setting the endpoint lacks (probed at connect; DynamoDB Local).
 * @example requireFeature(env.features, 'tagging', 'tags of "orders"')
 */
export function requireFeature(features: DynamoFeatures, feature: Feature, what: string): void {
  if (features[feature] !== false) return;
  throw new UnsupportedOperationError(
    'dynamodb',
    what,
    `the endpoint is DynamoDB Local (probed at connect), which lacks ${LACKS[feature]}; run this migration against AWS DynamoDB, or pass the adapter option features: { ${feature}: true } to send the commands anyway; nothing was changed`,
  );
}

/**
 * UpdateTimeToLive turning TTL on or off for one attribute (waited for until ENABLED or DISABLED).
 * @example ttlStep('orders', 'expires_at', true)
 */
export function ttlStep(TableName: string, attribute: string, enabled: boolean): CommandStep {
  const input = { TableName, TimeToLiveSpecification: { AttributeName: attribute, Enabled: enabled } };
  return commandStep('UpdateTimeToLive', input, `UpdateTimeToLive ${TableName}: TTL ${enabled ? 'on' : 'off'} (${attribute}), wait until ${enabled ? 'ENABLED' : 'DISABLED'}`, undefined, {
    setting: { kind: 'ttl', attribute, enabled },
  });
}

/**
 * UpdateContinuousBackups turning point-in-time recovery on or off.
 * @example pointInTimeRecoveryStep('orders', true)
 */
export function pointInTimeRecoveryStep(TableName: string, enabled: boolean): CommandStep {
  const input = { TableName, PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: enabled } };
  return commandStep('UpdateContinuousBackups', input, `UpdateContinuousBackups ${TableName}: point-in-time recovery ${enabled ? 'on' : 'off'}`, undefined, {
    setting: { kind: 'pointInTimeRecovery', enabled },
  });
}

/**
 * The steps that take a table from `previous` to `changes` (each group's difference only).
 * @example settingSteps('orders', { pointInTimeRecovery: true }, { pointInTimeRecovery: false }, features)
 */
export function settingSteps(TableName: string, changes: DynamoOptionChanges, previous: DynamoOptionChanges, features: DynamoFeatures): CommandStep[] {
  const steps: CommandStep[] = [];
  const active = { table: TableName, until: 'ACTIVE' as const };
  if (changes.billingMode !== undefined && billingDiffers(changes, previous)) steps.push(billingStep(TableName, changes, previous));
  if (changes.streamEnabled !== undefined) {
    const was = previous.streamEnabled === true;
    const same = was === changes.streamEnabled && (!was || previous.streamViewType === changes.streamViewType);
    if (was && !same) {
      steps.push(
        commandStep('UpdateTable', { TableName, StreamSpecification: { StreamEnabled: false } }, `UpdateTable ${TableName}: stream off`, active, { setting: { kind: 'stream', enabled: false } }),
      );
    }
    if (changes.streamEnabled && !same) {
      const spec = { StreamEnabled: true, StreamViewType: changes.streamViewType };
      const setting = { kind: 'stream' as const, enabled: true, ...(changes.streamViewType ? { viewType: changes.streamViewType } : {}) };
      steps.push(commandStep('UpdateTable', { TableName, StreamSpecification: spec }, `UpdateTable ${TableName}: stream on (${changes.streamViewType})`, active, { setting }));
    }
  }
  if (changes.sseEnabled !== undefined && (changes.sseEnabled !== (previous.sseEnabled === true) || (changes.sseEnabled && changes.sseKmsKeyId !== previous.sseKmsKeyId))) {
    requireFeature(features, 'encryptionSettings', `the encryption settings of ${TableName}`);
    const key = changes.sseKmsKeyId;
    const spec = changes.sseEnabled ? { Enabled: true, SSEType: 'KMS', ...(key ? { KMSMasterKeyId: key } : {}) } : { Enabled: false };
    const what = changes.sseEnabled ? `KMS key ${key ?? '(AWS managed, alias/aws/dynamodb)'}` : 'AWS owned key';
    const setting = { kind: 'sse' as const, enabled: changes.sseEnabled, ...(key ? { kmsKeyId: key } : {}) };
    steps.push(commandStep('UpdateTable', { TableName, SSESpecification: spec }, `UpdateTable ${TableName}: encryption with the ${what}`, active, { setting }));
  }
  if (changes.ttlAttribute !== undefined && changes.ttlAttribute !== (previous.ttlAttribute ?? null)) {
    if (previous.ttlAttribute) steps.push(ttlStep(TableName, previous.ttlAttribute, false));
    if (changes.ttlAttribute) steps.push(ttlStep(TableName, changes.ttlAttribute, true));
  }
  if (changes.pointInTimeRecovery !== undefined && changes.pointInTimeRecovery !== (previous.pointInTimeRecovery === true)) {
    requireFeature(features, 'pointInTimeRecovery', `point-in-time recovery of ${TableName}`);
    steps.push(pointInTimeRecoveryStep(TableName, changes.pointInTimeRecovery));
  }
  if (changes.deletionProtection !== undefined && changes.deletionProtection !== (previous.deletionProtection === true)) {
    const on = changes.deletionProtection;
    steps.push(
      commandStep('UpdateTable', { TableName, DeletionProtectionEnabled: on }, `UpdateTable ${TableName}: deletion protection ${on ? 'on' : 'off'}`, active, {
        setting: { kind: 'deletionProtection', enabled: on },
      }),
    );
  }
  if (changes.tags) steps.push(...tagSteps(TableName, changes.tags, previous.tags ?? {}, features));
  return steps;
}

function tagSteps(TableName: string, tags: NonNullable<DynamoOptionChanges['tags']>, previous: NonNullable<DynamoOptionChanges['tags']>, features: DynamoFeatures): CommandStep[] {
  const set = Object.entries(tags).filter(([k, v]) => v !== null && v !== (previous[k] ?? null));
  const remove = Object.entries(tags).filter(([k, v]) => v === null && (previous[k] ?? null) !== null);
  if (set.length + remove.length > 0) requireFeature(features, 'tagging', `the tags of ${TableName}`);
  const steps: CommandStep[] = [];
  // The input names the table; the step sends it to the table's ARN (DescribeTable) when run.
  if (set.length > 0) {
    const Tags = set.map(([Key, Value]) => ({ Key, Value }));
    steps.push(commandStep('TagResource', { TableName, Tags }, `TagResource ${TableName}: ${set.map(([k]) => k).join(', ')}`, undefined, { setting: { kind: 'tags' } }));
  }
  if (remove.length > 0) {
    const TagKeys = remove.map(([k]) => k);
    steps.push(commandStep('UntagResource', { TableName, TagKeys }, `UntagResource ${TableName}: ${TagKeys.join(', ')}`, undefined, { setting: { kind: 'tags' } }));
  }
  return steps;
}

function billingDiffers(c: DynamoOptionChanges, p: DynamoOptionChanges): boolean {
  if (c.billingMode !== (p.billingMode ?? 'PAY_PER_REQUEST')) return true;
  if (c.billingMode !== 'PROVISIONED') return false;
  if (c.readCapacity !== p.readCapacity || c.writeCapacity !== p.writeCapacity) return true;
  return Object.entries(c.indexThroughput ?? {}).some(([name, t]) => JSON.stringify(t) !== JSON.stringify(p.indexThroughput?.[name]));
}

function billingStep(TableName: string, c: DynamoOptionChanges, p: DynamoOptionChanges): CommandStep {
  const active = { table: TableName, until: 'ACTIVE' as const };
  if (c.billingMode === 'PAY_PER_REQUEST') {
    return commandStep('UpdateTable', { TableName, BillingMode: 'PAY_PER_REQUEST' }, `UpdateTable ${TableName}: billing PAY_PER_REQUEST`, active, {
      setting: { kind: 'billing', mode: 'PAY_PER_REQUEST' },
    });
  }
  const read = c.readCapacity as number;
  const write = c.writeCapacity as number;
  const gsis = Object.entries(c.indexThroughput ?? {}).filter(([name, t]) => JSON.stringify(t) !== JSON.stringify(p.indexThroughput?.[name]));
  const switching = p.billingMode !== 'PROVISIONED';
  const input = {
    TableName,
    BillingMode: 'PROVISIONED',
    ...(read !== p.readCapacity || write !== p.writeCapacity || switching ? { ProvisionedThroughput: { ReadCapacityUnits: read, WriteCapacityUnits: write } } : {}),
    ...(gsis.length > 0
      ? { GlobalSecondaryIndexUpdates: gsis.map(([IndexName, t]) => ({ Update: { IndexName, ProvisionedThroughput: { ReadCapacityUnits: t.readCapacity, WriteCapacityUnits: t.writeCapacity } } })) }
      : {}),
  };
  const others = switching ? '; GSIs not named get the same' : '';
  const setting = { kind: 'billing' as const, mode: 'PROVISIONED' as const, read, write, ...(switching ? { gsisFromTable: true } : {}) };
  return commandStep('UpdateTable', input, `UpdateTable ${TableName}: billing PROVISIONED ${read} read / ${write} write${others}`, active, { setting });
}
