import { setTimeout as sleep } from 'node:timers/promises';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { CommandStep } from '@ductape/core';
import type { CommandArgs, SettingTarget } from '../compile/step.js';
import type { DynamoDriver } from '../dynamo-driver.js';
import { DynamoCommandError, DynamoWaitTimeoutError } from '../dynamo-errors.js';
import type { DynamoSettings } from '../dynamo-settings.js';
import { sendWhenAllowed } from './send-when-allowed.js';
import { waitFor } from './wait.js';

type Input = { readonly [key: string]: unknown };

/**
 * Runs a table-setting step (SettingTarget): nothing is sent when the table already has the
 * setting (a resumed step whose command went through), tags are sent to the table's ARN, a switch
 * to PROVISIONED gives the GSIs it does not name the table's capacities, and a TTL or encryption
 * change is waited for until DynamoDB reports it done (bounded by `waitTimeoutMs`).
 * @example await runSetting(driver, step, settings)
 */
export async function runSetting(driver: DynamoDriver, step: CommandStep, settings: DynamoSettings): Promise<void> {
  const args = step.args as unknown as CommandArgs;
  const setting = args.setting as SettingTarget;
  const table = String(args.input.TableName);
  // AWS refuses an UpdateTable while the table is still changing (an earlier step's, or a dead runner's).
  if (step.name === 'UpdateTable') await waitFor(driver, { table, until: 'ACTIVE' }, settings);
  if (!(await alreadySo(driver, table, setting, args.input).catch(refusedCheck))) await sendWhenAllowed(driver, step.name, await inputFor(driver, table, setting, args.input), settings);
  if (setting.kind === 'ttl') await settle(table, 'ttl', settings, async () => ttlStatus(driver, table));
  if (setting.kind === 'sse') await settle(table, 'sse', settings, async () => (await describe(driver, table)).SSEDescription?.Status ?? 'DISABLED');
  if (args.wait) await waitFor(driver, args.wait, settings);
}

async function inputFor(driver: DynamoDriver, table: string, setting: SettingTarget, input: Input): Promise<Input> {
  if (setting.kind === 'tags') {
    const { TableName: _table, ...rest } = input;
    return { ResourceArn: (await describe(driver, table)).TableArn, ...rest };
  }
  if (setting.kind !== 'billing' || !setting.gsisFromTable) return input;
  const named = new Set(((input.GlobalSecondaryIndexUpdates as { Update: { IndexName: string } }[] | undefined) ?? []).map((u) => u.Update.IndexName));
  // A GSI already reporting those capacities is left out: DynamoDB refuses an update to the
  // current value (DynamoDB Local keeps a GSI's old capacities across a switch to PAY_PER_REQUEST).
  const current = (g: { ProvisionedThroughput?: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } }) =>
    g.ProvisionedThroughput?.ReadCapacityUnits === setting.read && g.ProvisionedThroughput?.WriteCapacityUnits === setting.write;
  const others = ((await describe(driver, table)).GlobalSecondaryIndexes ?? []).filter((g) => !named.has(String(g.IndexName)) && !current(g));
  if (others.length === 0) return input;
  const throughput = { ReadCapacityUnits: setting.read, WriteCapacityUnits: setting.write };
  const updates = [...((input.GlobalSecondaryIndexUpdates as unknown[]) ?? []), ...others.map((g) => ({ Update: { IndexName: g.IndexName, ProvisionedThroughput: throughput } }))];
  return { ...input, GlobalSecondaryIndexUpdates: updates };
}

/** True when the table already has what the step sets (then nothing is sent). Tags are set idempotently, so they are always sent. */
async function alreadySo(driver: DynamoDriver, table: string, s: SettingTarget, input: Input): Promise<boolean> {
  if (s.kind === 'tags') return false;
  if (s.kind === 'ttl') {
    const out = (await driver.send('DescribeTimeToLive', { TableName: table })).TimeToLiveDescription as { TimeToLiveStatus?: string; AttributeName?: string } | undefined;
    const on = out?.TimeToLiveStatus === 'ENABLED' || out?.TimeToLiveStatus === 'ENABLING';
    return s.enabled ? on && out?.AttributeName === s.attribute : !on;
  }
  if (s.kind === 'pointInTimeRecovery') {
    const out = (await driver.send('DescribeContinuousBackups', { TableName: table })).ContinuousBackupsDescription as
      | { PointInTimeRecoveryDescription?: { PointInTimeRecoveryStatus?: string } }
      | undefined;
    return (out?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED') === s.enabled;
  }
  const d = await describe(driver, table);
  if (s.kind === 'deletionProtection') return (d.DeletionProtectionEnabled === true) === s.enabled;
  if (s.kind === 'stream') return s.enabled ? d.StreamSpecification?.StreamEnabled === true && d.StreamSpecification.StreamViewType === s.viewType : d.StreamSpecification?.StreamEnabled !== true;
  if (s.kind === 'sse') {
    const on = ['ENABLED', 'ENABLING', 'UPDATING'].includes(String(d.SSEDescription?.Status));
    const arn = d.SSEDescription?.KMSMasterKeyArn;
    return s.enabled ? on && (s.kmsKeyId === undefined || arn === s.kmsKeyId || arn?.endsWith(`/${s.kmsKeyId}`) === true) : !on;
  }
  const mode = d.BillingModeSummary?.BillingMode ?? ((d.ProvisionedThroughput?.ReadCapacityUnits ?? 0) > 0 ? 'PROVISIONED' : 'PAY_PER_REQUEST');
  if (mode !== s.mode) return false;
  if (s.mode === 'PAY_PER_REQUEST') return true;
  const same = (t: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined, r: unknown, w: unknown) => t?.ReadCapacityUnits === r && t?.WriteCapacityUnits === w;
  const updates = (input.GlobalSecondaryIndexUpdates as { Update: { IndexName: string; ProvisionedThroughput: { ReadCapacityUnits: number; WriteCapacityUnits: number } } }[] | undefined) ?? [];
  return (
    same(d.ProvisionedThroughput, s.read, s.write) &&
    updates.every((u) => {
      const t = u.Update.ProvisionedThroughput;
      return same(d.GlobalSecondaryIndexes?.find((g) => g.IndexName === u.Update.IndexName)?.ProvisionedThroughput, t.ReadCapacityUnits, t.WriteCapacityUnits);
    })
  );
}

// A check DynamoDB refuses (an operation the endpoint lacks, a missing permission) decides
// nothing: the command is sent, and its own answer stands.
function refusedCheck(error: unknown): false {
  if (error instanceof DynamoCommandError) return false;
  throw error;
}

async function ttlStatus(driver: DynamoDriver, table: string): Promise<string> {
  const out = (await driver.send('DescribeTimeToLive', { TableName: table })).TimeToLiveDescription as { TimeToLiveStatus?: string } | undefined;
  return out?.TimeToLiveStatus ?? 'DISABLED';
}

/** Polls until the setting's status is no longer ENABLING, DISABLING or UPDATING. */
async function settle(table: string, setting: 'ttl' | 'sse', settings: DynamoSettings, status: () => Promise<string>): Promise<void> {
  const started = Date.now();
  for (;;) {
    const now = await status();
    const elapsedMs = Date.now() - started;
    settings.onEvent?.({ type: 'wait', table, setting, until: 'ENABLED or DISABLED', status: now, elapsedMs });
    if (!['ENABLING', 'DISABLING', 'UPDATING'].includes(now)) return;
    if (elapsedMs >= settings.waitTimeoutMs) throw new DynamoWaitTimeoutError(`the ${setting === 'ttl' ? 'TTL' : 'encryption'} of table ${table}`, 'ENABLED or DISABLED', now, elapsedMs);
    await sleep(Math.min(settings.pollIntervalMs, Math.max(1, settings.waitTimeoutMs - elapsedMs)));
  }
}

async function describe(driver: DynamoDriver, table: string): Promise<TableDescription> {
  return (await driver.send('DescribeTable', { TableName: table })).Table as TableDescription;
}
