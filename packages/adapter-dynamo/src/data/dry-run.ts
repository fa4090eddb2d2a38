import type { PlannedStatement, ResolvedUpdate, UpdateResult } from '@ductape/core';
import type { DynamoDriver } from '../dynamo-driver.js';
import type { Condition } from './update-filter.js';

/**
 * `db.update(…, { dryRun: true })` on DynamoDB: reads only. Counts the items the run would update
 * with a `Select: COUNT` Scan of the run's own filter (whereCondition, the condition each write is
 * also made on), from the saved position of an interrupted run of the same update, as the real run
 * resumes; and shows the page Scan and the per-item UpdateItem. The count reads the whole table.
 * @example (await dryRunDynamo(driver, resolved, scanInput, whereCondition(resolved.where))).dryRun?.rowsToUpdate
 */
export async function dryRunDynamo(driver: DynamoDriver, update: ResolvedUpdate, scan: { readonly [key: string]: unknown }, where: Condition): Promise<UpdateResult> {
  let rowsToUpdate = 0;
  let startKey = scan.ExclusiveStartKey;
  do {
    const page = await driver.send('Scan', {
      TableName: scan.TableName,
      Select: 'COUNT',
      ConsistentRead: true,
      ...(where.expression ? { FilterExpression: where.expression, ExpressionAttributeNames: where.names } : {}),
      ...(Object.keys(where.values).length > 0 ? { ExpressionAttributeValues: where.values } : {}),
      ...(startKey ? { ExclusiveStartKey: startKey } : {}),
    });
    rowsToUpdate += Number(page.Count ?? 0);
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  const names = Object.fromEntries(update.set.map((s, i) => [`#s${i}`, s.column]));
  const statements: PlannedStatement[] = [
    {
      description: `each batch is one Scan page of up to ${String(scan.Limit)} items (fewer once a page takes longer than maxLockMs), with the key and the attributes the expressions read, filtered by where${scan.ExclusiveStartKey ? '; resumes an interrupted run at its saved position' : ''}`,
      command: { Scan: scan },
    },
    {
      description:
        "then per item: core's shared evaluator computes the new values here, and one UpdateItem writes them (a null value is REMOVEd), conditional on where, so an item changed meanwhile so that it no longer matches is skipped; at most maxWritesPerSecond writes a second",
      command: {
        UpdateItem: {
          TableName: scan.TableName,
          Key: '<the item key>',
          UpdateExpression: `SET ${update.set.map((_s, i) => `#s${i} = :s${i}`).join(', ')}`,
          ExpressionAttributeNames: { ...where.names, ...names },
          ExpressionAttributeValues: { ...where.values, ...Object.fromEntries(update.set.map((_s, i) => [`:s${i}`, '<computed>'])) },
          ...(where.expression ? { ConditionExpression: where.expression } : {}),
        },
      },
    },
    { description: 'after each page: the progress item (its Scan position and counts) in the history table, from which an interrupted run resumes (deleted at the end)' },
  ];
  return { rowsUpdated: 0, batches: 0, longestBatchMs: 0, dryRun: { rowsToUpdate, statements } };
}
