import type { PlannedStatement, UpdateResult } from '@ductape/core';
import type { MysqlQueryable } from '../mysql-driver.js';
import { countRows, lastKey } from './batch-reads.js';
import { compileBatchEnd, compileUpdateBatch, type UpdatePlan } from './compile-update-batch.js';
import { DATA_PROGRESS_TABLE, type DataProgress } from './data-progress.js';

/**
 * `db.update(…, { dryRun: true })` on MySQL and MariaDB: reads only (no lock, no progress table).
 * Counts the rows the batches would update (their own conditions, compileUpdateCount; after the
 * saved position of an interrupted run of the same update, as the real run resumes) and shows
 * the first batch's statements with their `?` parameters: the read of its last key and its UPDATE.
 * @example (await dryRunMysql(connection, plan, progress, 5000)).dryRun?.rowsToUpdate
 */
export async function dryRunMysql(c: MysqlQueryable, plan: UpdatePlan, progress: DataProgress, batchSize: number): Promise<UpdateResult> {
  const { after } = await progress.peek(c);
  const rowsToUpdate = await countRows(c, plan, after);
  const resumes = after ? 'resumes an interrupted run: ' : '';
  const statements: PlannedStatement[] = [
    {
      description: `${resumes}each batch is one READ COMMITTED transaction; first the key of its last row: the ${batchSize}th matching row in primary-key order (fewer rows once a batch takes longer than maxLockMs; when fewer are left, the last one, ORDER BY … DESC LIMIT 1)`,
      ...shown(compileBatchEnd(plan, after, batchSize, false)),
    },
  ];
  const end = await lastKey(c, plan, after, batchSize);
  if (end) {
    statements.push({
      description: `then one UPDATE of the matching rows up to that key${end.last ? ' (the only batch: fewer rows are left)' : '; every later batch the same, after the last key of the batch before'}`,
      ...shown(compileUpdateBatch(plan, after, end.key)),
    });
  }
  statements.push({
    description: 'in the same transaction as each batch: its progress row, from which an interrupted run resumes (deleted at the end)',
    text: `INSERT INTO \`${DATA_PROGRESS_TABLE}\` (id, last_key, rows_updated) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE last_key = VALUES(last_key), rows_updated = VALUES(rows_updated)`,
    params: [progress.id, "<the batch's last key>", '<rows updated so far>'],
  });
  return { rowsUpdated: 0, batches: 0, longestBatchMs: 0, dryRun: { rowsToUpdate, statements } };
}

/** Parameters as they can be printed and sent as JSON (a BIGINT key as its digits). */
function shown(s: { readonly text: string; readonly params: readonly unknown[] }): { text: string; params: unknown[] } {
  return { text: s.text, params: s.params.map((p) => (typeof p === 'bigint' ? p.toString() : p)) };
}
