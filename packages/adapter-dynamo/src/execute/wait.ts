import { setTimeout as sleep } from 'node:timers/promises';
import type { TableDescription } from '@aws-sdk/client-dynamodb';
import type { WaitFor } from '../compile/step.js';
import type { DynamoDriver } from '../dynamo-driver.js';
import { DynamoWaitTimeoutError } from '../dynamo-errors.js';
import type { DynamoSettings } from '../dynamo-settings.js';

/**
 * Polls DescribeTable until `wait` holds: the table (and every GSI) ACTIVE, the table gone, or
 * one GSI ACTIVE or gone. Bounded by `waitTimeoutMs`; each poll is reported through `onEvent`.
 * Returns how long it waited.
 * @example await waitFor(driver, { table: 'users', index: 'by-email', until: 'ACTIVE' }, settings)
 */
export async function waitFor(driver: DynamoDriver, wait: WaitFor, settings: DynamoSettings): Promise<number> {
  const started = Date.now();
  for (;;) {
    const status = statusOf(await driver.describe(wait.table), wait);
    const elapsedMs = Date.now() - started;
    settings.onEvent?.({ type: 'wait', table: wait.table, ...('index' in wait ? { index: wait.index } : {}), until: wait.until, status, elapsedMs });
    if (status === wait.until) return elapsedMs;
    if (elapsedMs >= settings.waitTimeoutMs) throw new DynamoWaitTimeoutError('index' in wait ? `index ${wait.index} of ${wait.table}` : `table ${wait.table}`, wait.until, status, elapsedMs);
    await sleep(Math.min(settings.pollIntervalMs, Math.max(1, settings.waitTimeoutMs - elapsedMs)));
  }
}

/**
 * Polls DescribeTable until the table is settled: ACTIVE with every GSI ACTIVE and not
 * backfilling, or gone. Returns its description (undefined when gone). Bounded by
 * `waitTimeoutMs` (DynamoWaitTimeoutError). Nothing is counted as applied, and no snapshot is
 * given, while a table or index is still CREATING, UPDATING or DELETING: on AWS it cannot be used yet.
 * @example const table = await waitUntilSettled(driver, 'users', settings);
 */
export async function waitUntilSettled(driver: DynamoDriver, table: string, settings: DynamoSettings): Promise<TableDescription | undefined> {
  const started = Date.now();
  for (;;) {
    const description = await driver.describe(table);
    const status = statusOf(description, { table, until: 'ACTIVE' });
    if (status === 'ACTIVE' || status === 'DELETED') return description;
    const elapsedMs = Date.now() - started;
    settings.onEvent?.({ type: 'wait', table, until: 'ACTIVE', status, elapsedMs });
    if (elapsedMs >= settings.waitTimeoutMs) throw new DynamoWaitTimeoutError(`table ${table}`, 'ACTIVE', status, elapsedMs);
    await sleep(Math.min(settings.pollIntervalMs, Math.max(1, settings.waitTimeoutMs - elapsedMs)));
  }
}

/** The status to compare with `wait.until`: 'DELETED' for a missing table or index. */
function statusOf(table: TableDescription | undefined, wait: WaitFor): string {
  if (!table) return 'DELETED';
  if ('index' in wait) {
    // The next UpdateTable needs the table ACTIVE too (AWS keeps it UPDATING for a while).
    if (table.TableStatus !== 'ACTIVE') return `table ${table.TableStatus ?? 'UNKNOWN'}`;
    const gsi = table.GlobalSecondaryIndexes?.find((g) => g.IndexName === wait.index);
    if (!gsi) return 'DELETED';
    // A GSI being built reports ACTIVE only once its backfill is over.
    return gsi.IndexStatus === 'ACTIVE' && gsi.Backfilling !== true ? 'ACTIVE' : (gsi.IndexStatus ?? 'UNKNOWN');
  }
  const indexes = table.GlobalSecondaryIndexes ?? [];
  const busy = indexes.filter((g) => g.IndexStatus !== 'ACTIVE' || g.Backfilling === true);
  if (table.TableStatus === 'ACTIVE' && busy.length > 0) return `ACTIVE (index ${busy.map((g) => `${g.IndexName} ${g.IndexStatus}${g.Backfilling ? ' backfilling' : ''}`).join(', ')})`;
  return table.TableStatus ?? 'UNKNOWN';
}
