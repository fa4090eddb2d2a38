import { type CollectionSnapshot, InvalidArgumentError, type ResolvedUpdate, UnsupportedOperationError, UpdateBatches, type UpdateOptions, type UpdateResult } from '@ductape/core';
import { errnoOf } from '../mysql-connection-error.js';
import type { MysqlConnection, MysqlDriver } from '../mysql-driver.js';
import { type KeyValues, compileUpdateBatch, type UpdatePlan } from './compile-update-batch.js';
import { countRows, lastKey } from './batch-reads.js';
import { DataProgress } from './data-progress.js';
import { dryRunMysql } from './dry-run.js';
import { isRetryable, updateError } from './update-error.js';
import { planUpdate } from './update-plan.js';

/** How often a batch rolled back by a deadlock or lock wait timeout is run again. */
const RETRIES = 3;

/**
 * Runs a data migration in keyset batches along the primary key. Each batch is one short READ
 * COMMITTED transaction: find the key of its last row, one `UPDATE … WHERE <where> AND <key in
 * (after, last]>`, and the progress row; so a crash (even kill -9) resumes after the last
 * committed batch and never updates a row twice. Server errors come out as MysqlUpdateError.
 * Batches are sized by core's rule (UpdateBatches: `maxLockMs`); with `onProgress` the rows to go
 * are counted (exactly, the same `where`) before the first batch. `dryRun` reads only.
 * @example await updateRowsMysql(driver, snapshot, resolved, { batchSize: 5000, onProgress: console.log })
 */
export async function updateRowsMysql(driver: MysqlDriver, table: CollectionSnapshot | undefined, update: ResolvedUpdate, options: UpdateOptions, adapter = 'mysql'): Promise<UpdateResult> {
  const run = new UpdateBatches(options, 5000);
  if (!table) throw new InvalidArgumentError('update.table', 'an existing table', update.table);
  const plan = planUpdate(update, table);
  const progress = new DataProgress(update);
  const c = await driver.acquire();
  let ok = false;
  try {
    await checkEngine(c, update.table, adapter);
    if (options.dryRun) {
      const result = await dryRunMysql(c, plan, progress, run.max);
      ok = true;
      return result;
    }
    await progress.ensure(c);
    const saved = await progress.load(c);
    let after = saved.after;
    let rowsUpdated = saved.rows;
    run.start({ rowsDone: rowsUpdated, total: run.wantsProgress ? rowsUpdated + (await countRows(c, plan, after)) : undefined });
    const isolation = { level: 'READ COMMITTED' };
    for (let done = false; !done; ) {
      const limit = run.size;
      const batch = await run.time(() => retried(() => runBatch(c, plan, progress, after, limit, rowsUpdated, isolation.level), isolation));
      if (!batch) break;
      ({ after, done } = batch);
      rowsUpdated += batch.rows;
      run.report({ rowsUpdated, rowsDone: rowsUpdated });
    }
    await progress.clear(c);
    ok = true;
    return run.result(rowsUpdated);
  } catch (error) {
    throw updateError(error);
  } finally {
    if (ok || c.alive) c.release();
    else c.destroy();
  }
}

/** One batch in its own transaction; undefined when no matching row is left after `after`. */
async function runBatch(c: MysqlConnection, plan: UpdatePlan, progress: DataProgress, after: KeyValues | undefined, limit: number, rowsBefore: number, isolation: string) {
  await c.query(`SET TRANSACTION ISOLATION LEVEL ${isolation === 'READ COMMITTED' ? 'READ COMMITTED' : 'REPEATABLE READ'}`);
  await c.query('START TRANSACTION');
  try {
    const end = await lastKey(c, plan, after, limit);
    if (!end) {
      await c.query('COMMIT');
      return undefined;
    }
    const statement = compileUpdateBatch(plan, after, end.key);
    await c.query(statement.text, statement.params);
    const [count] = await c.query('SELECT ROW_COUNT() AS n');
    const rows = Number(count?.n ?? 0);
    await progress.save(c, { after: end.key, rows: rowsBefore + rows });
    await c.query('COMMIT');
    return { after: end.key, rows, done: end.last };
  } catch (error) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Runs a batch again after a deadlock or lock wait timeout; and in REPEATABLE READ when the server
 * cannot log a READ COMMITTED update (errno 1665: binlog_format STATEMENT), which only adds gap
 * locks inside the batch's key range.
 */
async function retried<T>(fn: () => Promise<T>, isolation: { level: string }): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (errnoOf(error) === 1665 && isolation.level === 'READ COMMITTED') {
        isolation.level = 'REPEATABLE READ';
        continue;
      }
      if (attempt > RETRIES || !isRetryable(error)) throw error;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
}

/** Batches commit with their progress row only on a transactional engine: refuse others before any write. */
async function checkEngine(c: MysqlConnection, table: string, adapter: string): Promise<void> {
  const [row] = await c.query('SELECT ENGINE AS engine FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?', [table]);
  const engine = String(row?.engine ?? '');
  if (engine.toLowerCase() !== 'innodb') {
    throw new UnsupportedOperationError(
      adapter,
      'db.update',
      `table "${table}" uses the ${engine || 'unknown'} engine, which has no transactions, so a batch and its progress record cannot commit together: convert it first (ALTER TABLE … ENGINE=InnoDB)`,
    );
  }
}
