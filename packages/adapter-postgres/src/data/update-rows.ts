import { type ResolvedUpdate, UpdateBatches, type UpdateOptions, type UpdateResult } from '@ductape/core';
import type { PostgresDriver } from '../postgres-driver.js';
import { qualify } from '../quote.js';
import { compileUpdateBatch } from './compile-update-batch.js';
import { countRows } from './batch-reads.js';
import { DATA_PROGRESS_TABLE, progressId } from './data-progress.js';
import { dryRunPostgres } from './dry-run.js';

export { DATA_PROGRESS_TABLE } from './data-progress.js';

/**
 * Runs a data migration in keyset batches, each in its own short transaction together with its
 * progress row, so a crash resumes after the last committed batch and never updates a row twice.
 * Batches are sized by core's rule (UpdateBatches: `maxLockMs`); with `onProgress` the rows to go
 * are counted (exactly, the same `where`) before the first batch. `dryRun` changes nothing.
 * @example await updateRowsPostgres(driver, 'public', resolved, { batchSize: 5000, onProgress: console.log })
 */
export async function updateRowsPostgres(driver: PostgresDriver, schema: string, update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult> {
  const run = new UpdateBatches(options, 5000);
  const progress = qualify(schema, DATA_PROGRESS_TABLE);
  const id = progressId(update);
  if (options.dryRun) return dryRunPostgres(driver, schema, update, run.max, id);
  await driver.query(`CREATE TABLE IF NOT EXISTS ${progress} (id text PRIMARY KEY, last_key jsonb NOT NULL, rows bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  const saved = (await driver.query(`SELECT last_key, rows FROM ${progress} WHERE id = $1`, [id])).rows[0];
  let after = saved ? (saved.last_key as unknown[]) : undefined;
  let rowsUpdated = saved ? Number(saved.rows) : 0;
  run.start({ rowsDone: rowsUpdated, total: run.wantsProgress ? rowsUpdated + (await countRows(driver, schema, update, after)) : undefined });
  for (;;) {
    const limit = run.size;
    const batch = compileUpdateBatch(update, schema, after, limit);
    const count = await run.time(() =>
      driver.transaction(async (q) => {
        const row = (await q.query(batch.text, batch.params)).rows[0] ?? {};
        const n = Number(row.rows ?? 0);
        if (n === 0) return 0;
        after = update.key.map((_k, i) => row[`k${i}`]);
        await q.query(`INSERT INTO ${progress} (id, last_key, rows) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET last_key = EXCLUDED.last_key, rows = EXCLUDED.rows, updated_at = now()`, [
          id,
          JSON.stringify(after),
          rowsUpdated + n,
        ]);
        return n;
      }),
    );
    if (count > 0) {
      rowsUpdated += count;
      run.report({ rowsUpdated, rowsDone: rowsUpdated });
    }
    if (count < limit) break;
  }
  await driver.query(`DELETE FROM ${progress} WHERE id = $1`, [id]);
  return run.result(rowsUpdated);
}
