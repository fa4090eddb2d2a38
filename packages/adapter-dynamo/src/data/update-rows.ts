import { setTimeout as sleep } from 'node:timers/promises';
import { type FieldDefinition, type ResolvedExpression, type ResolvedUpdate, UpdateBatches, type UpdateEvaluator, type UpdateOptions, type UpdateResult, updateEvaluator } from '@ductape/core';
import { type DynamoDriver, isAws } from '../dynamo-driver.js';
import { DynamoCommandError } from '../dynamo-errors.js';
import type { DataProgress } from './data-progress.js';
import { dryRunDynamo } from './dry-run.js';
import { type AttributeValue, marshalLiteral, plainValue } from './item-values.js';
import { whereCondition } from './update-filter.js';

type Item = { readonly [attribute: string]: AttributeValue };

/**
 * `db.update` on DynamoDB: Scan pages (keys and the attributes the expressions read, `where` as
 * the filter), compute each item's new values with core's shared evaluator (PostgreSQL's semantics;
 * `fields`, the declared fields, tell integer attributes apart), write them with UpdateItem conditional on `where`
 * (an item changed meanwhile so that it no longer matches is skipped). Null values are removed.
 * Progress is saved after every page; a crash re-runs at most that page. A page is a batch: its
 * Limit is sized by core's rule (UpdateBatches: `maxLockMs`, timed without the write-rate waits);
 * progress events count items read against the table's ItemCount (DescribeTable's estimate,
 * which DynamoDB refreshes about every six hours). `dryRun` reads only (a COUNT Scan).
 * @example await updateRowsDynamo(driver, 'users', resolved, { batchSize: 500 }, progress, 100, snapshot.fields)
 */
export async function updateRowsDynamo(
  driver: DynamoDriver,
  tableName: string,
  update: ResolvedUpdate,
  options: UpdateOptions,
  progress: DataProgress,
  maxWritesPerSecond: number,
  fields: readonly FieldDefinition[] = [],
): Promise<UpdateResult> {
  const run = new UpdateBatches(options, 1000);
  const table = await driver.describe(tableName);
  if (!table) throw new DynamoCommandError('Scan', tableName, new Error('the table does not exist'));
  const keys = (table.KeySchema ?? []).map((k) => String(k.AttributeName));
  const read = [...new Set([...keys, ...update.set.flatMap((s) => columnsOf(s.value))])];
  const readNames = Object.fromEntries(read.map((c, i) => [`#r${i}`, c]));
  const where = whereCondition(update.where);
  const scan = (limit: number, startKey: Item | undefined) => ({
    TableName: tableName,
    Limit: limit,
    ConsistentRead: true,
    ProjectionExpression: Object.keys(readNames).join(', '),
    ExpressionAttributeNames: { ...readNames, ...where.names },
    ...(where.expression ? { FilterExpression: where.expression } : {}),
    ...(Object.keys(where.values).length > 0 ? { ExpressionAttributeValues: where.values } : {}),
    ...(startKey ? { ExclusiveStartKey: startKey } : {}),
  });
  if (options.dryRun) return dryRunDynamo(driver, update, scan(run.max, (await progress.peek()).startKey as Item | undefined), where);
  const evaluator = updateEvaluator(update, fields);
  const saved = await progress.load();
  let startKey = saved.startKey as Item | undefined;
  let rows = saved.rows;
  let scanned = saved.scanned ?? 0;
  run.start({ rowsDone: scanned, total: table.ItemCount === undefined ? undefined : Math.max(Number(table.ItemCount), scanned) });
  const started = Date.now();
  let writes = 0;
  do {
    const t0 = Date.now();
    let waited = 0;
    const page = await driver.send('Scan', scan(run.size, startKey));
    for (const item of (page.Items as Item[] | undefined) ?? []) {
      if (await updateItem(driver, tableName, keys, item, update, evaluator, where)) rows++;
      writes++;
      const wait = started + (writes / maxWritesPerSecond) * 1000 - Date.now();
      if (wait > 0) {
        await sleep(wait);
        waited += wait;
      }
    }
    run.record(Date.now() - t0 - waited);
    startKey = page.LastEvaluatedKey as Item | undefined;
    scanned += Number(page.ScannedCount ?? 0);
    await progress.save({ startKey, rows, scanned });
    run.report({ rowsUpdated: rows, rowsDone: scanned });
  } while (startKey);
  await progress.clear();
  return run.result(rows);
}

async function updateItem(
  driver: DynamoDriver,
  table: string,
  keys: readonly string[],
  item: Item,
  update: ResolvedUpdate,
  evaluator: UpdateEvaluator,
  where: ReturnType<typeof whereCondition>,
): Promise<boolean> {
  const plain = Object.fromEntries(Object.entries(item).map(([k, v]) => [k, plainValue(v)]));
  const names: Record<string, string> = { ...where.names };
  const values: Record<string, AttributeValue> = { ...where.values };
  const sets: string[] = [];
  const removes: string[] = [];
  const computed = evaluator.values(plain);
  update.set.forEach((s, i) => {
    names[`#s${i}`] = s.column;
    const v = computed[s.column];
    if (v === null || v === undefined) return void removes.push(`#s${i}`);
    values[`:s${i}`] = typeof v === 'object' ? (v as AttributeValue) : marshalLiteral(v as string | number | bigint | boolean);
    sets.push(`#s${i} = :s${i}`);
  });
  const expression = [sets.length ? `SET ${sets.join(', ')}` : '', removes.length ? `REMOVE ${removes.join(', ')}` : ''].filter(Boolean).join(' ');
  try {
    await driver.send('UpdateItem', {
      TableName: table,
      Key: Object.fromEntries(keys.map((k) => [k, item[k]])),
      UpdateExpression: expression,
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
      ...(where.expression ? { ConditionExpression: where.expression } : {}),
    });
    return true;
  } catch (error) {
    if (isAws(error, 'ConditionalCheckFailedException')) return false;
    throw error;
  }
}

function columnsOf(e: ResolvedExpression): string[] {
  return e.kind === 'column' ? [e.name] : e.kind === 'call' ? e.args.flatMap(columnsOf) : [];
}
