import type { PlannedStatement, ResolvedUpdate, UpdateResult } from '@ductape/core';
import type { Queryable } from '../postgres-driver.js';
import { qualify } from '../quote.js';
import { compileUpdateBatch } from './compile-update-batch.js';
import { countRows, readBatchFunction } from './batch-reads.js';
import { DATA_PROGRESS_TABLE } from './data-progress.js';

/**
 * `db.update(…, { dryRun: true })` on PostgreSQL: reads only. Counts the rows the batches would
 * update (the batches' own `where` and key range, compileUpdateCount; after the saved position
 * of an interrupted run of the same update, as the real run resumes) and shows the statements
 * of a batch with their parameters.
 * @example (await dryRunPostgres(driver, 'public', resolved, 5000, id)).dryRun?.rowsToUpdate
 */
export async function dryRunPostgres(q: Queryable, schema: string, update: ResolvedUpdate, batchSize: number, id: string): Promise<UpdateResult> {
  const progress = qualify(schema, DATA_PROGRESS_TABLE);
  const exists = (await q.query('SELECT to_regclass($1) IS NOT NULL AS present', [progress])).rows[0]?.present === true;
  const saved = exists ? (await q.query(`SELECT last_key, rows FROM ${progress} WHERE id = $1`, [id])).rows[0] : undefined;
  const after = saved ? (saved.last_key as unknown[]) : undefined;
  const rowsToUpdate = await countRows(q, schema, update, after);
  const rowsBefore = saved ? Number(saved.rows) : 0;
  const fn = await readBatchFunction(q, schema, update, progress, id);
  if (fn) {
    const statements: PlannedStatement[] = [
      {
        description:
          "created once, in the run's own session (pg_temp, gone with the session; dropped at the end): the batch as a PL/pgSQL function, so that the rows an UPDATE changed are counted by GET DIAGNOSTICS instead of RETURNING; every value is one of its typed arguments",
        text: fn.create,
      },
      {
        description: `${after ? 'resumes an interrupted run: ' : ''}the first batch, one call (its own transaction): locks and updates the matching rows among the next ${batchSize} keys in primary-key order (fewer once a batch takes longer than maxLockMs), writes the run's progress row (from which an interrupted run resumes; deleted at the end) and returns how many and the last key`,
        ...fn.call(after, batchSize, rowsBefore),
      },
      {
        description: 'every later batch: the same, after the last key of the batch before, until a batch finds fewer keys than it asked for',
        ...fn.call(
          update.key.map((k) => `<${k} of the previous batch's last row>`),
          batchSize,
          '<rows updated so far>',
        ),
      },
    ];
    return { rowsUpdated: 0, batches: 0, longestBatchMs: 0, dryRun: { rowsToUpdate, statements } };
  }
  const first = compileUpdateBatch(update, schema, after, batchSize, { table: progress, id, rowsBefore });
  const next = compileUpdateBatch(
    update,
    schema,
    update.key.map((k) => `<${k} of the previous batch's last row>`),
    batchSize,
    { table: progress, id, rowsBefore: '<rows updated so far>' },
  );
  const statements: PlannedStatement[] = [
    {
      description: `${after ? 'resumes an interrupted run: ' : ''}the first batch, one statement (its own transaction): locks and updates the next ${batchSize} matching rows in primary-key order (fewer once a batch takes longer than maxLockMs), writes the run's progress row (from which an interrupted run resumes; deleted at the end) and returns how many and the last key`,
      ...first,
    },
    { description: 'every later batch: the same, after the last key of the batch before, until a batch updates fewer rows than it asked for', ...next },
  ];
  return { rowsUpdated: 0, batches: 0, longestBatchMs: 0, dryRun: { rowsToUpdate, statements } };
}
