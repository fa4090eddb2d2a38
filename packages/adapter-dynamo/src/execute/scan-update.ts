import { setTimeout as sleep } from 'node:timers/promises';
import type { CommandStep } from '@ductape/core';
import type { ScanUpdateArgs } from '../compile/step.js';
import { type DynamoDriver, isAws } from '../dynamo-driver.js';
import { DynamoCommandError } from '../dynamo-errors.js';
import type { DynamoSettings } from '../dynamo-settings.js';

type Item = { readonly [attribute: string]: unknown };

/**
 * Runs a ScanAndUpdate step: pages through the table (keys only, `filter` applied), updates each
 * matching item with its condition, and keeps item writes under `maxWritesPerSecond`. Idempotent:
 * run again after an interruption, it finds only the items not done yet.
 * @example await scanAndUpdate(driver, step, settings) // { scanned: 1200, updated: 1200 }
 */
export async function scanAndUpdate(driver: DynamoDriver, step: CommandStep, settings: DynamoSettings): Promise<{ scanned: number; updated: number }> {
  const args = step.args as unknown as ScanUpdateArgs;
  const table = await driver.describe(args.TableName);
  if (!table) throw new DynamoCommandError('Scan', args.TableName, new Error('the table does not exist'), 'create the table first, or check the collection name and table prefix');
  const keys = (table.KeySchema ?? []).map((k) => String(k.AttributeName));
  const keyNames = Object.fromEntries(keys.map((k, i) => [`#k${i}`, k]));
  const started = Date.now();
  let scanned = 0;
  let updated = 0;
  let conflicts = 0;
  let start: Item | undefined;
  do {
    const page = await driver.send('Scan', {
      TableName: args.TableName,
      Limit: settings.batchSize,
      ConsistentRead: true,
      FilterExpression: args.filter,
      ProjectionExpression: Object.keys(keyNames).join(', '),
      ExpressionAttributeNames: { ...used([args.filter], args.names), ...keyNames },
      ...(start ? { ExclusiveStartKey: start } : {}),
    });
    const items = (page.Items as Item[] | undefined) ?? [];
    scanned += Number(page.ScannedCount ?? 0);
    for (const item of items) {
      if (await updateOne(driver, args, item)) updated++;
      else conflicts++;
      await throttle(started, updated + conflicts, settings.maxWritesPerSecond);
    }
    settings.onEvent?.({ type: 'batch', table: args.TableName, scanned, updated, elapsedMs: Date.now() - started });
    start = page.LastEvaluatedKey as Item | undefined;
  } while (start);
  if (conflicts > 0 && args.conflict) {
    throw new DynamoCommandError(
      'UpdateItem',
      args.TableName,
      new Error(`${conflicts} ${args.conflict}; ${updated} items were updated`),
      'resolve those items by hand (keep one of the two attributes), then run up again to finish',
    );
  }
  return { scanned, updated };
}

async function updateOne(driver: DynamoDriver, args: ScanUpdateArgs, key: Item): Promise<boolean> {
  const expressions = [args.update, args.condition];
  const values = args.values ? used(expressions, args.values) : {};
  try {
    await driver.send('UpdateItem', {
      TableName: args.TableName,
      Key: key,
      UpdateExpression: args.update,
      ConditionExpression: args.condition,
      ExpressionAttributeNames: used(expressions, args.names),
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
    });
    return true;
  } catch (error) {
    if (isAws(error, 'ConditionalCheckFailedException')) return false;
    throw error;
  }
}

/** The entries of `map` whose placeholder appears in one of the expressions (DynamoDB refuses unused ones). */
function used<T>(expressions: readonly string[], map: { readonly [placeholder: string]: T }): { [placeholder: string]: T } {
  return Object.fromEntries(Object.entries(map).filter(([p]) => expressions.some((e) => new RegExp(`${p}\\b`).test(e))));
}

async function throttle(started: number, writes: number, perSecond: number): Promise<void> {
  const due = started + (writes / perSecond) * 1000;
  const wait = due - Date.now();
  if (wait > 0) await sleep(wait);
}
