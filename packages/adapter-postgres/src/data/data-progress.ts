import { createHash } from 'node:crypto';
import { type ResolvedUpdate, canonicalJson } from '@ductape/core';
import type { Queryable } from '../postgres-driver.js';
import { compileUpdateCount } from './compile-update-batch.js';

/** Where an interrupted data migration resumes: one row per update, deleted when it completes. */
export const DATA_PROGRESS_TABLE = '_ductape_data_progress';

/**
 * The id of an update's progress row: sha256 of the resolved update.
 * @example progressId(resolved) // '3f…'
 */
export function progressId(update: ResolvedUpdate): string {
  return createHash('sha256').update(canonicalJson(update)).digest('hex');
}

/**
 * The rows matching `where` after `after` (the whole table without it): what the batches will update.
 * @example await countRows(driver, 'public', resolved, undefined) // 1000000
 */
export async function countRows(q: Queryable, schema: string, update: ResolvedUpdate, after: readonly unknown[] | undefined): Promise<number> {
  const count = compileUpdateCount(update, schema, after);
  return Number((await q.query(count.text, count.params)).rows[0]?.n ?? 0);
}
