import { createHash } from 'node:crypto';
import { DuctapeError, type ResolvedUpdate, UpdateBatches, type UpdateEvaluator, type UpdateOptions, type UpdateResult, updateEvaluator } from '@ductape/core';
import type { CassandraDriver, Row } from '../cassandra-driver.js';
import { qualify, quoteIdent } from '../quote.js';
import { columnsOf } from './check-update.js';
import type { DataProgress, PendingRow } from './data-progress.js';
import { dryRunCassandra } from './dry-run.js';
import { decodeValues, driverValue, encodeValues, plainValue, whereValue } from './row-values.js';
import { type TableColumns, columnsTag } from './table-columns.js';
import { CassandraDataUpdateError } from './update-errors.js';
import { readPage } from './token-walk.js';

/** How a Cassandra data migration runs. */
export interface CassandraUpdateSettings {
  /** Rows written at the same time (default 32). */
  readonly concurrency: number;
}

/**
 * `db.update` on Cassandra: reads the table in pages along the ring (readPage), filters and
 * computes each row with core's shared evaluator (PostgreSQL's semantics), and writes the new
 * values by full primary key, `concurrency` rows at a time. Before a page's rows are written the
 * progress row records them (key, fingerprint of the compared columns before and after) with the
 * new position; the next page's save replaces them. A run killed in the middle of a page resumes by re-reading that
 * page's rows: a row still as it was read is written, a row already as computed is counted, a
 * row changed by someone else is left alone — so every row is updated exactly once.
 * When no `set` reads a column that a `set` writes (the spec's `$CONCAT` backfill), writing a row
 * twice gives what writing it once gives: then the pending rows are keys only, and a resumed run
 * counts a row whose set columns already hold what it computes as written (no fingerprints).
 * A page is a batch, sized by core's rule (UpdateBatches: `maxLockMs`); progress events count the
 * rows read by this run, with no total (Cassandra has no cheap row count). `dryRun` reads only.
 * @example await updateRowsCassandra(driver, 'app', cols, resolved, { batchSize: 1000 }, progress, { concurrency: 32 }, snapshot.fields)
 */
export async function updateRowsCassandra(
  driver: CassandraDriver,
  keyspace: string,
  cols: TableColumns,
  update: ResolvedUpdate,
  options: UpdateOptions,
  progress: DataProgress,
  settings: CassandraUpdateSettings,
  fields: Parameters<typeof updateEvaluator>[1],
): Promise<UpdateResult> {
  const batches = new UpdateBatches(options, 1000);
  const run = new Run(driver, keyspace, cols, update, fields, settings.concurrency);
  if (options.dryRun) {
    try {
      return await dryRunCassandra(driver, keyspace, cols, update, run, await progress.peek(), batches.max);
    } catch (error) {
      if (error instanceof DuctapeError) throw error;
      throw new CassandraDataUpdateError(update.table, error, 0);
    }
  }
  const state = { rows: 0 };
  try {
    await walk(driver, keyspace, cols, update, progress, run, batches, state);
  } catch (error) {
    if (error instanceof DuctapeError || batches.threwInListener(error)) throw error;
    throw new CassandraDataUpdateError(update.table, error, state.rows);
  }
  return batches.result(state.rows);
}

async function walk(
  driver: CassandraDriver,
  keyspace: string,
  cols: TableColumns,
  update: ResolvedUpdate,
  progress: DataProgress,
  run: Run,
  batches: UpdateBatches,
  state: { rows: number },
): Promise<void> {
  const saved = await progress.load();
  state.rows = saved.rows;
  let after = saved.after;
  let read = 0;
  if (saved.pending) {
    state.rows += await run.finishPending(saved.pending);
    await progress.save({ after, rows: state.rows, pending: undefined });
  }
  batches.start({ rowsDone: 0, total: undefined });
  for (;;) {
    const limit = batches.size;
    const page = await batches.time(async () => {
      const page = await readPage(driver, keyspace, update.table, cols, run.read, after ? decodeValues(after) : undefined, limit);
      if (page.length === 0) return page;
      const plain = page.map((r) => run.plain(r));
      const todo = plain.filter((p) => run.evaluator.matches(p)).map((p) => ({ row: p, values: run.evaluator.values(p) }));
      after = encodeValues(run.keyOf(plain[plain.length - 1] as Plain));
      // One progress write per page. A page with rows to write saves them as pending (and the
      // rows counted so far) before writing them, and is not cleared afterwards: the next page's
      // save replaces it, and a run killed in between only re-checks rows already written.
      if (todo.length > 0) {
        await progress.save({ after, rows: state.rows, pending: todo.map((t) => run.pendingRow(t.row, t.values)) });
        await run.writeAll(todo);
        state.rows += todo.length;
      } else await progress.save({ after, rows: state.rows, pending: undefined });
      return page;
    });
    if (page.length === 0) break;
    read += page.length;
    batches.report({ rowsUpdated: state.rows, rowsDone: read });
    if (page.length < limit) break;
  }
  await progress.clear();
}

type Plain = { [column: string]: unknown };

/** One run's compiled parts: columns read and compared, the evaluator, the write statement. */
class Run {
  readonly read: readonly string[];
  readonly evaluator: UpdateEvaluator;
  readonly #key: readonly string[];
  readonly #compared: readonly string[];
  /** Columns the `set` writes. */
  readonly #setColumns: readonly string[];
  /** Whether re-writing a written row gives the same row (no set reads a set column). */
  readonly #idempotent: boolean;
  readonly #update: string;
  readonly #select: string;

  constructor(
    private readonly driver: CassandraDriver,
    keyspace: string,
    private readonly cols: TableColumns,
    private readonly update: ResolvedUpdate,
    fields: Parameters<typeof updateEvaluator>[1],
    private readonly concurrency: number,
  ) {
    this.#key = [...cols.partitionKey, ...cols.clustering].map((c) => c.name);
    this.#compared = [...new Set([...update.set.map((s) => s.column), ...update.where.map((c) => c.column), ...update.set.flatMap((s) => columnsOf(s.value))])].filter((c) => !this.#key.includes(c));
    this.read = [...this.#key, ...this.#compared];
    this.#setColumns = update.set.map((s) => s.column);
    const readBySet = new Set(update.set.flatMap((s) => columnsOf(s.value)));
    this.#idempotent = !this.#setColumns.some((c) => readBySet.has(c));
    // where literals in the form the row values are read in (timestamps as Dates, …)
    const where = update.where.map((c) => {
      const type = cols.byName.get(c.column)?.type ?? '';
      const value = Array.isArray(c.value) ? c.value.map((v) => whereValue(type, v)) : whereValue(type, c.value);
      return c.value === undefined ? c : { ...c, value };
    });
    this.evaluator = updateEvaluator({ set: update.set, where } as never, fields);
    const table = qualify(keyspace, update.table);
    const byKey = this.#key.map((k) => `${quoteIdent(k)} = ?`).join(' AND ');
    const tag = columnsTag(cols);
    this.#update = `UPDATE ${table} SET ${update.set.map((s) => `${quoteIdent(s.column)} = ?`).join(', ')} WHERE ${byKey}${tag}`;
    this.#select = `SELECT ${this.read.map((c) => quoteIdent(c)).join(', ')} FROM ${table} WHERE ${byKey}${tag}`;
  }

  /** The CQL that writes one row's new values (by full primary key). */
  get writeText(): string {
    return this.#update;
  }

  plain(row: Row): Plain {
    const out: Plain = {};
    for (const c of this.read) out[c] = plainValue(this.#type(c), row.get(c));
    return out;
  }

  keyOf(row: Plain): unknown[] {
    return this.#key.map((k) => row[k]);
  }

  pendingRow(row: Plain, values: Plain): PendingRow {
    if (this.#idempotent) return { key: encodeValues(this.keyOf(row)) };
    return { key: encodeValues(this.keyOf(row)), before: this.#fingerprint(row), after: this.#fingerprint({ ...row, ...this.#roundTrip(values) }) };
  }

  async writeAll(todo: readonly { row: Plain; values: Plain }[]): Promise<void> {
    await pool(todo, this.concurrency, (t) => this.#write(this.keyOf(t.row), t.values));
  }

  /** The rows of the batch a killed run was writing: each is written only if it is still as read. */
  async finishPending(pending: readonly PendingRow[]): Promise<number> {
    let done = 0;
    await pool(pending, this.concurrency, async (p) => {
      const key = decodeValues(p.key);
      const found = (await this.driver.client.execute(this.#select, this.#keyParams(key), { prepare: true })).first();
      if (!found) return;
      const row = this.plain(found);
      if (p.before === undefined) {
        // Keys only (an idempotent set): written already when its set columns hold what it computes.
        const values = this.evaluator.values(row);
        if (this.#holds(row, values)) done++;
        else if (this.evaluator.matches(row)) {
          await this.#write(key, values);
          done++;
        }
        return;
      }
      const now = this.#fingerprint(row);
      if (now === p.before && this.evaluator.matches(row)) {
        await this.#write(key, this.evaluator.values(row));
        done++;
      } else if (now === p.after) {
        done++; // written before the run stopped
      }
    });
    return done;
  }

  async #write(key: readonly unknown[], values: Plain): Promise<void> {
    const params = [...this.update.set.map((s) => driverValue(this.#type(s.column), values[s.column])), ...this.#keyParams(key)];
    await this.driver.client.execute(this.#update, params, { prepare: true });
  }

  #keyParams(key: readonly unknown[]): unknown[] {
    return this.#key.map((k, i) => driverValue(this.#type(k), key[i]));
  }

  #type(column: string): string {
    return this.cols.byName.get(column)?.type ?? '';
  }

  /** New values as they will read back (decimal as text, bigint as a number, …), to compare with a re-read row. */
  #roundTrip(values: Plain): Plain {
    return Object.fromEntries(Object.entries(values).map(([c, v]) => [c, plainValue(this.#type(c), driverValue(this.#type(c), v))]));
  }

  /** Whether the row's set columns already hold `values` (as they read back). */
  #holds(row: Plain, values: Plain): boolean {
    const written = this.#roundTrip(values);
    return encodeValues(this.#setColumns.map((c) => row[c] ?? null)) === encodeValues(this.#setColumns.map((c) => written[c] ?? null));
  }

  #fingerprint(row: Plain): string {
    return createHash('sha256')
      .update(encodeValues(this.#compared.map((c) => row[c] ?? null)))
      .digest('base64url')
      .slice(0, 22);
  }
}

async function pool<T>(items: readonly T[], size: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++] as T);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}
