import { type ResolvedUpdate, UpdateBatches, type UpdateOptions, type UpdateResult } from '@ductape/core';
import type { PostgresDriver, Queryable } from '../postgres-driver.js';
import type { BatchFunction } from './batch-function.js';
import { qualify } from '../quote.js';
import { compileUpdateBatch } from './compile-update-batch.js';
import { countRows, readBatchFunction } from './batch-reads.js';
import { DATA_PROGRESS_TABLE, progressId } from './data-progress.js';
import { dryRunPostgres } from './dry-run.js';

export { DATA_PROGRESS_TABLE } from './data-progress.js';

/**
 * Runs a data migration in keyset batches, each one call of the run's PL/pgSQL batch function
 * (compileBatchFunction; or one SQL statement, compileUpdateBatch, where the function cannot be
 * used) that also writes the run's progress row (so each commits with its progress), so a crash
 * resumes after the last committed batch and never updates a row twice.
 * Batches are sized by core's rule (UpdateBatches: `maxLockMs`); with `onProgress` the rows to go
 * are counted (exactly, the same `where`) before the first batch. `dryRun` changes nothing.
 * @example await updateRowsPostgres(driver, 'public', resolved, { batchSize: 5000, onProgress: console.log })
 */
export async function updateRowsPostgres(driver: PostgresDriver, schema: string, update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult> {
  const run = new UpdateBatches(options, 5000);
  const progress = qualify(schema, DATA_PROGRESS_TABLE);
  const id = progressId(update);
  if (options.dryRun) return dryRunPostgres(driver, schema, update, run.max, id);
  // One session for the whole run: the batch function lives in its pg_temp.
  return driver.connection(async (q) => {
    await q.query(`CREATE TABLE IF NOT EXISTS ${progress} (id text PRIMARY KEY, last_key jsonb NOT NULL, rows bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
    const saved = (await q.query(`SELECT last_key, rows FROM ${progress} WHERE id = $1`, [id])).rows[0];
    let after = saved ? (saved.last_key as unknown[]) : undefined;
    let rowsUpdated = saved ? Number(saved.rows) : 0;
    run.start({ rowsDone: rowsUpdated, total: run.wantsProgress ? rowsUpdated + (await countRows(q, schema, update, after)) : undefined });
    let fn = await createBatchFunction(q, schema, update, progress, id);
    const created = fn;
    try {
      for (;;) {
        const limit = run.size;
        const { count, full } = await run.time(async () => {
          // One call (or statement) per batch: the update and its progress row commit together (autocommit).
          const oneStatement = () => compileUpdateBatch(update, schema, after, limit, { table: progress, id, rowsBefore: rowsUpdated });
          const runBatch = async (batch: { text: string; params: unknown[] }) => (await q.query(batch.text, batch.params)).rows[0] ?? {};
          let row: Record<string, unknown>;
          try {
            row = await runBatch(fn ? fn.call(after, limit, rowsUpdated) : oneStatement());
          } catch (error) {
            // A pooler in transaction mode (PgBouncer) may run the call on another server session, without the function: nothing ran, so the batch runs again as one statement.
            if (!fn || !hasSqlState(error, UNDEFINED_FUNCTION)) throw error;
            fn = undefined;
            row = await runBatch(oneStatement());
          }
          // The bound comes back as text (exact for every key type), and goes back as a parameter.
          if (row.k0 !== null && row.k0 !== undefined) after = update.key.map((_k, i) => row[`k${i}`]);
          return { count: Number(row.rows ?? 0), full: row.full === true };
        });
        if (count > 0) {
          rowsUpdated += count;
          run.report({ rowsUpdated, rowsDone: rowsUpdated });
        }
        // Fewer keys than asked for: that was the last batch (rows a writer changed meanwhile may make `count` smaller than the keys taken).
        if (!full) break;
      }
    } finally {
      // A broken session took its pg_temp function with it: nothing to drop then, and the run's own error is the one to see.
      if (created) await q.query(created.drop).catch(() => undefined);
    }
    await q.query(`DELETE FROM ${progress} WHERE id = $1`, [id]);
    return run.result(rowsUpdated);
  });
}

/**
 * Creates the run's batch function (compileBatchFunction) in the session's pg_temp, or answers
 * undefined where it cannot be used — no column types for it, or a server that refuses temporary
 * objects (no TEMP privilege) — and the run then uses one SQL statement per batch.
 * @example const fn = await createBatchFunction(q, 'public', resolved, '"public"."_ductape_data_progress"', id)
 */
async function createBatchFunction(q: Queryable, schema: string, update: ResolvedUpdate, progress: string, id: string): Promise<BatchFunction | undefined> {
  const fn = await readBatchFunction(q, schema, update, progress, id);
  if (!fn) return undefined;
  try {
    await q.query(fn.create);
    return fn;
  } catch (error) {
    if (hasSqlState(error, INSUFFICIENT_PRIVILEGE)) return undefined;
    throw error;
  }
}

const UNDEFINED_FUNCTION = '42883';
const INSUFFICIENT_PRIVILEGE = '42501';

function hasSqlState(error: unknown, code: string): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === code;
}
