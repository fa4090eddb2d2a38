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
  if (table.TableStatus === 'ACTIVE' && indexes.some((g) => g.IndexStatus !== 'ACTIVE')) return 'ACTIVE (indexes CREATING)';
  return table.TableStatus ?? 'UNKNOWN';
}
