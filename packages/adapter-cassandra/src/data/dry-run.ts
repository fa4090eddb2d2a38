import type { PlainRow, PlannedStatement, ResolvedUpdate, UpdateEvaluator, UpdateResult } from '@ductape/core';
import type { CassandraDriver, Row } from '../cassandra-driver.js';
import { qualify, quoteIdent } from '../quote.js';
import type { Position } from './data-progress.js';
import { decodeValues, encodeValues } from './row-values.js';
import type { TableColumns } from './table-columns.js';
import { readPage } from './token-walk.js';

/** What a dry run uses of the run's compiled parts (update-rows.ts's Run). */
export interface RowReader {
  readonly read: readonly string[];
  readonly evaluator: UpdateEvaluator;
  readonly writeText: string;
  plain(row: Row): PlainRow;
  keyOf(row: PlainRow): unknown[];
}

/**
 * `db.update(…, { dryRun: true })` on Cassandra: reads only. Walks the table page by page as the
 * run does (readPage, from the saved position of an interrupted run of the same update) and counts
 * the rows core's evaluator matches — the run's own per-row test, so the count reads the whole
 * table, as the run would. The rows of a batch an interrupted run was writing are counted too
 * (the run checks each again first; a row changed since by someone else is then left alone, so
 * this count is an upper bound for them). Shows the page query and the per-row UPDATE.
 * @example (await dryRunCassandra(driver, 'app', cols, resolved, run, await progress.peek(), 1000)).dryRun?.rowsToUpdate
 */
export async function dryRunCassandra(
  driver: CassandraDriver,
  keyspace: string,
  cols: TableColumns,
  update: ResolvedUpdate,
  run: RowReader,
  saved: Position,
  batchSize: number,
): Promise<UpdateResult> {
  let after = saved.after;
  let rowsToUpdate = saved.pending?.length ?? 0;
  for (;;) {
    const page = await readPage(driver, keyspace, update.table, cols, run.read, after ? decodeValues(after) : undefined, batchSize);
    if (page.length === 0) break;
    const plain = page.map((r) => run.plain(r));
    rowsToUpdate += plain.filter((p) => run.evaluator.matches(p)).length;
    after = encodeValues(run.keyOf(plain[plain.length - 1] as PlainRow));
    if (page.length < batchSize) break;
  }
  const pk = cols.partitionKey.map((c) => quoteIdent(c.name));
  const statements: PlannedStatement[] = [
    {
      description: `each batch is one page of up to ${batchSize} rows (fewer once a page takes longer than maxLockMs) in the order Cassandra stores them; the first page${saved.after ? ' (here: after the saved position of an interrupted run)' : ''}:`,
      text: `SELECT ${run.read.map((c) => quoteIdent(c)).join(', ')} FROM ${qualify(keyspace, update.table)} LIMIT ?`,
      params: [batchSize],
    },
    {
      description: `every later page starts after the last row of the page before: the rest of its partition (one query per clustering column), then WHERE token(${pk.join(', ')}) > token(<its partition key>); no ALLOW FILTERING`,
    },
    {
      description:
        "per row: core's shared evaluator tests where and computes the new values here; the page's matching rows are recorded in the progress row (key and fingerprints), then written by full primary key at bounded concurrency, then the progress row records the page as done",
      text: run.writeText,
      params: [...update.set.map((s) => `<new ${s.column}>`), ...[...cols.partitionKey, ...cols.clustering].map((c) => `<${c.name}>`)],
    },
  ];
  return { rowsUpdated: 0, batches: 0, longestBatchMs: 0, dryRun: { rowsToUpdate, statements } };
}
