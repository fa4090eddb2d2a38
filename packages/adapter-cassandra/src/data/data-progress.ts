import { createHash } from 'node:crypto';
import { canonicalJson } from '@ductape/core';
import type { CassandraDriver } from '../cassandra-driver.js';
import { qualify } from '../quote.js';

/** The table of data-migration progress rows, in the adapter's keyspace beside the history. */
export const DATA_PROGRESS_TABLE = '_ductape_data_progress';

/**
 * A row of the batch being written when the run stopped: its key, and — when writing it twice
 * would differ from writing it once (a `set` reads a column it sets, as `$ADD`) — fingerprints of
 * its values before and after.
 */
export interface PendingRow {
  /** The full primary key (encodeValues of plain values). */
  readonly key: string;
  /** Fingerprint of the compared columns as read. */
  readonly before?: string;
  /** Fingerprint of the compared columns with the new values. */
  readonly after?: string;
}

/** Where a data migration resumes. */
export interface Position {
  /** The last row read (encodeValues of its full primary key), or undefined at the start. */
  readonly after: string | undefined;
  /** Rows updated so far, across interrupted runs. */
  readonly rows: number;
  /** The batch being written, when the run stopped between its two progress writes. */
  readonly pending: readonly PendingRow[] | undefined;
}

/**
 * One progress row per data migration (`id` = sha256 of the keyspace and the resolved update) in
 * `<keyspace>._ductape_data_progress`, deleted when it completes. Written twice per batch: with
 * the batch's rows as `pending` before they are written, and without after, so a run killed in
 * the middle of a batch knows which rows that batch had already changed.
 * @example const p = new DataProgress(driver, 'app', update); const pos = await p.load();
 */
export class DataProgress {
  readonly #id: string;

  constructor(
    private readonly driver: CassandraDriver,
    private readonly keyspace: string,
    update: unknown,
  ) {
    this.#id = createHash('sha256').update(canonicalJson({ keyspace, update })).digest('hex');
  }

  get #table(): string {
    return qualify(this.keyspace, DATA_PROGRESS_TABLE);
  }

  async load(): Promise<Position> {
    await this.driver.execute(`CREATE TABLE IF NOT EXISTS ${this.#table} (id text PRIMARY KEY, after text, rows bigint, pending text, updated_at timestamp)`, [], true);
    return this.#read();
  }

  async #read(): Promise<Position> {
    const row = (await this.driver.execute(`SELECT after, rows, pending FROM ${this.#table} WHERE id = ?`, [this.#id])).first();
    const pending = row?.get('pending') as string | null | undefined;
    return { after: (row?.get('after') as string | null) ?? undefined, rows: Number(String(row?.get('rows') ?? 0)), pending: pending ? (JSON.parse(pending) as PendingRow[]) : undefined };
  }

  /** The saved position without creating the table (a dry run changes nothing). */
  async peek(): Promise<Position> {
    const table = await this.driver.execute('SELECT table_name FROM system_schema.tables WHERE keyspace_name = ? AND table_name = ?', [this.keyspace, DATA_PROGRESS_TABLE]);
    return table.first() ? this.#read() : { after: undefined, rows: 0, pending: undefined };
  }

  async save(p: Position): Promise<void> {
    await this.driver.execute(`INSERT INTO ${this.#table} (id, after, rows, pending, updated_at) VALUES (?, ?, ?, ?, ?)`, [
      this.#id,
      p.after ?? null,
      p.rows,
      p.pending && p.pending.length > 0 ? JSON.stringify(p.pending) : null,
      new Date(),
    ]);
  }

  async clear(): Promise<void> {
    await this.driver.execute(`DELETE FROM ${this.#table} WHERE id = ?`, [this.#id]);
  }
}
