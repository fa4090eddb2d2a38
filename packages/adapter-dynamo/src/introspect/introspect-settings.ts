import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { type DynamoDriver, type Output, isAws } from '../dynamo-driver.js';
import { DynamoCommandError } from '../dynamo-errors.js';
import type { DynamoFeatures } from '../dynamo-probe.js';

/** The table settings DescribeTable does not show. */
export interface ReadSettings {
  readonly pointInTimeRecovery?: boolean;
  readonly tags?: { readonly [key: string]: string };
}

/**
 * Point-in-time recovery (DescribeContinuousBackups) and tags (ListTagsOfResource, every page)
 * of a table, each only where the endpoint has it (DynamoDB Local has neither: probed at connect,
 * or answered UnknownOperationException, so no table there has them). Any other refusal (a
 * missing IAM permission) is an error that names the permission: the snapshot is not given
 * without them, since a down or a drift check would then take them for off.
 * @example await readSettings(driver, table, features) // { pointInTimeRecovery: true, tags: { team: 'a' } }
 */
export async function readSettings(driver: DynamoDriver, table: TableDescription, features: DynamoFeatures): Promise<ReadSettings> {
  const TableName = String(table.TableName);
  const out: { pointInTimeRecovery?: boolean; tags?: { [key: string]: string } } = {};
  if (features.pointInTimeRecovery !== false) {
    const backups = await read(driver, 'DescribeContinuousBackups', { TableName }, TableName, 'dynamodb:DescribeContinuousBackups');
    const d = backups?.ContinuousBackupsDescription as { PointInTimeRecoveryDescription?: { PointInTimeRecoveryStatus?: string } } | undefined;
    if (d?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus === 'ENABLED') out.pointInTimeRecovery = true;
  }
  if (features.tagging !== false && table.TableArn) {
    const tags: { [key: string]: string } = {};
    let NextToken: string | undefined;
    do {
      const page = await read(driver, 'ListTagsOfResource', { ResourceArn: table.TableArn, ...(NextToken ? { NextToken } : {}) }, TableName, 'dynamodb:ListTagsOfResource');
      if (!page) break;
      for (const t of (page.Tags as { Key?: string; Value?: string }[] | undefined) ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? '';
      NextToken = page.NextToken as string | undefined;
    } while (NextToken);
    if (Object.keys(tags).length > 0) out.tags = Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return out;
}

/** The output, or undefined when the endpoint does not know the operation at all (then no table there has the setting). */
async function read(driver: DynamoDriver, name: string, input: { readonly [key: string]: unknown }, table: string, permission: string): Promise<Output | undefined> {
  try {
    return await driver.send(name, input);
  } catch (error) {
    if (isAws(error, 'UnknownOperationException')) return undefined;
    if (!(error instanceof DynamoCommandError)) throw error;
    const hint = `introspection reads every table setting, so that a down and drift see them; grant ${permission} (or, on an emulator without it, set the adapter option features), then run again; nothing was changed`;
    throw new DynamoCommandError(name, table, error.cause ?? error, hint);
  }
}
