import type { MysqlQueryable } from '../mysql-driver.js';
import { type KeyValues, type UpdatePlan, compileBatchEnd, compileUpdateCount } from './compile-update-batch.js';

/**
 * The rows matching `where` after `after`: what the batches will update (compileUpdateCount).
 * @example await countRows(connection, plan, undefined) // 1000000
 */
export async function countRows(c: MysqlQueryable, plan: UpdatePlan, after: KeyValues | undefined): Promise<number> {
  const s = compileUpdateCount(plan, after);
  const [row] = await c.query(s.text, s.params);
  return Number(row?.n ?? 0);
}

/**
 * The key of the last row of the batch after `after`, and whether it is the last batch; undefined when nothing is left.
 * @example await lastKey(connection, plan, undefined, 5000) // { key: [5000], last: false }
 */
export async function lastKey(c: MysqlQueryable, plan: UpdatePlan, after: KeyValues | undefined, limit: number): Promise<{ key: KeyValues; last: boolean } | undefined> {
  for (const last of [false, true]) {
    const s = compileBatchEnd(plan, after, limit, last);
    const [row] = await c.query(s.text, s.params);
    if (row) return { key: plan.key.map((_k, i) => row[`k${i}`]), last };
  }
  return undefined;
}
