import type { ResolvedUpdate } from '@ductape/core';
import type { Queryable } from '../postgres-driver.js';
import { qualify } from '../quote.js';
import { type BatchFunction, compileBatchFunction } from './batch-function.js';
import { compileUpdateCount } from './compile-update-batch.js';

/**
 * The rows matching `where` after `after` (the whole table without it): what the batches will update.
 * @example await countRows(driver, 'public', resolved, undefined) // 1000000
 */
export async function countRows(q: Queryable, schema: string, update: ResolvedUpdate, after: readonly unknown[] | undefined): Promise<number> {
  const count = compileUpdateCount(update, schema, after);
  return Number((await q.query(count.text, count.params)).rows[0]?.n ?? 0);
}

/**
 * Compiles the run's batch function from the table's column types in the catalog (reads only).
 * @example const fn = await readBatchFunction(q, 'public', resolved, '"public"."_ductape_data_progress"', id)
 */
export async function readBatchFunction(q: Queryable, schema: string, update: ResolvedUpdate, progress: string, id: string): Promise<BatchFunction | undefined> {
  const rows = (
    await q.query('SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped', [
      qualify(schema, update.table),
    ])
  ).rows;
  return compileBatchFunction(update, schema, new Map(rows.map((r) => [String(r.name), String(r.type)])), `ductape_update_batch_${id.slice(0, 16)}`, progress, id);
}
