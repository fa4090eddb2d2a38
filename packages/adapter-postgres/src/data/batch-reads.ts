import type { ResolvedUpdate } from '@ductape/core';
import type { Queryable } from '../postgres-driver.js';
import { compileUpdateCount } from './compile-update-batch.js';

/**
 * The rows matching `where` after `after` (the whole table without it): what the batches will update.
 * @example await countRows(driver, 'public', resolved, undefined) // 1000000
 */
export async function countRows(q: Queryable, schema: string, update: ResolvedUpdate, after: readonly unknown[] | undefined): Promise<number> {
  const count = compileUpdateCount(update, schema, after);
  return Number((await q.query(count.text, count.params)).rows[0]?.n ?? 0);
}
