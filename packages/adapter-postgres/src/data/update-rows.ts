import { createHash } from 'node:crypto';
import { InvalidArgumentError, type ResolvedUpdate, type UpdateOptions, type UpdateResult, canonicalJson } from '@ductape/core';
import type { PostgresDriver } from '../postgres-driver.js';
import { qualify } from '../quote.js';
import { compileUpdateBatch } from './compile-update-batch.js';

/** Where an interrupted data migration resumes: one row per update, deleted when it completes. */
export const DATA_PROGRESS_TABLE = '_ductape_data_progress';

/**
 * Runs a data migration in keyset batches, each in its own short transaction together with its
 * progress row, so a crash resumes after the last committed batch and never updates a row twice.
 * @example await updateRowsPostgres(driver, 'public', resolved, { batchSize: 5000, onProgress: console.log })
 */
export async function updateRowsPostgres(driver: PostgresDriver, schema: string, update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult> {
  const limit = options.batchSize ?? 5000;
  if (!Number.isInteger(limit) || limit < 1) throw new InvalidArgumentError('batchSize', 'a positive integer', limit);
  const progress = qualify(schema, DATA_PROGRESS_TABLE);
  await driver.query(`CREATE TABLE IF NOT EXISTS ${progress} (id text PRIMARY KEY, last_key jsonb NOT NULL, rows bigint NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())`);
  const id = createHash('sha256').update(canonicalJson(update)).digest('hex');
  const saved = (await driver.query(`SELECT last_key, rows FROM ${progress} WHERE id = $1`, [id])).rows[0];
  let after = saved ? (saved.last_key as unknown[]) : undefined;
  let rowsUpdated = saved ? Number(saved.rows) : 0;
  let batches = 0;
  for (;;) {
    const batch = compileUpdateBatch(update, schema, after, limit);
    const count = await driver.transaction(async (q) => {
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
    });
    if (count > 0) {
      rowsUpdated += count;
      batches++;
      options.onProgress?.({ rowsUpdated, batches });
    }
    if (count < limit) break;
  }
  await driver.query(`DELETE FROM ${progress} WHERE id = $1`, [id]);
  return { rowsUpdated, batches };
}
