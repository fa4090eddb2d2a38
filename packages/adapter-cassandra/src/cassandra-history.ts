import type { HistoryEntry, HistoryRow, HistoryStatus, HistoryStore, Migration } from '@ductape/core';
import { type QueryOptions, types } from 'cassandra-driver';
import type { CassandraDriver, Row } from './cassandra-driver.js';
import { qualify } from './quote.js';

/** The history table in the adapter's keyspace. */
export const HISTORY_TABLE = '_ductape_migrations';

/**
 * History is read and written at QUORUM (of all replicas, every datacenter): the next lock holder
 * may run in another datacenter, and LOCAL_QUORUM there need not see this one's writes.
 */
const HISTORY_CL: QueryOptions = { consistency: types.consistencies.quorum };

const COLUMNS = ['name', 'seq', 'tag', 'checksum', 'status', 'direction', 'applied_at', 'started_at', 'execution_ms', 'steps_applied', 'steps_total', 'error', 'applied_by', 'migration'];
/** Every column but the migration: the replicas still read whole rows, but send and the driver decodes no bodies. */
const ROW_COLUMNS = COLUMNS.filter((c) => c !== 'migration');
/** Partition keys per `read` query (an IN over partitions is fanned out by the coordinator: keep it short). */
const READ_CHUNK = 100;

/**
 * Migration history in `<keyspace>._ductape_migrations`, one row per migration name. `seq` (a
 * microsecond timestamp, kept when a row is replaced) orders rows as first recorded; the
 * migration is stored as JSON text so `down` works from history alone. Reads and writes at QUORUM;
 * only the lock holder writes, so no lightweight transaction is needed here. Every save but a
 * failure record first waits for the ring to agree on the schema: a step, or a whole run, is never
 * recorded as applied while a node has not caught up with it.
 * @example await new CassandraHistoryStore(driver, 'app').list()
 */
export class CassandraHistoryStore implements HistoryStore {
  #lastSeq = 0;

  constructor(
    private readonly driver: CassandraDriver,
    private readonly keyspace: string,
  ) {}

  get #table(): string {
    return qualify(this.keyspace, HISTORY_TABLE);
  }

  async ensure(): Promise<void> {
    await this.driver.execute(
      `CREATE TABLE IF NOT EXISTS ${this.#table} (name text PRIMARY KEY, seq bigint, tag text, checksum text, status text, direction text, applied_at timestamp, started_at timestamp, execution_ms bigint, steps_applied int, steps_total int, error text, applied_by text, migration text)`,
      [],
      true,
    );
  }

  async list(): Promise<HistoryEntry[]> {
    const result = await this.driver.executeIdempotent(`SELECT ${COLUMNS.join(', ')} FROM ${this.#table}`, [], HISTORY_CL);
    return inOrder(result.rows, toEntry);
  }

  /** Every row without the migration column, in list() order. */
  async listRows(): Promise<HistoryRow[]> {
    const result = await this.driver.executeIdempotent(`SELECT ${ROW_COLUMNS.join(', ')} FROM ${this.#table}`, [], HISTORY_CL);
    return inOrder(result.rows, toRow);
  }

  /** The full rows of `names` (one query per 100 names, by partition key). */
  async read(names: readonly string[]): Promise<HistoryEntry[]> {
    const rows: Row[] = [];
    for (let i = 0; i < names.length; i += READ_CHUNK) {
      const chunk = names.slice(i, i + READ_CHUNK);
      const result = await this.driver.executeIdempotent(`SELECT ${COLUMNS.join(', ')} FROM ${this.#table} WHERE name IN (${chunk.map(() => '?').join(', ')})`, chunk, HISTORY_CL);
      rows.push(...result.rows);
    }
    return inOrder(rows, toEntry);
  }

  async save(entry: HistoryEntry): Promise<void> {
    // A failure record (status failed, with the error) is written whatever the ring says: it
    // records no step beyond those already recorded, and says why the run stopped.
    if (!(entry.status === 'failed' && entry.error !== null)) await this.driver.waitForSchemaAgreement();
    const existing = await this.driver.executeIdempotent(`SELECT seq FROM ${this.#table} WHERE name = ?`, [entry.name], HISTORY_CL);
    const seq = existing.rowLength > 0 ? Number(existing.first().get('seq')) : this.#nextSeq();
    await this.driver.executeIdempotent(
      `INSERT INTO ${this.#table} (${COLUMNS.join(', ')}) VALUES (${COLUMNS.map(() => '?').join(', ')})`,
      [
        entry.name,
        seq,
        entry.tag,
        entry.checksum,
        entry.status,
        entry.direction,
        entry.appliedAt,
        entry.startedAt,
        entry.executionMs,
        entry.stepsApplied,
        entry.stepsTotal,
        entry.error,
        entry.appliedBy,
        JSON.stringify(entry.migration),
      ],
      HISTORY_CL,
    );
  }

  async remove(name: string): Promise<void> {
    await this.driver.executeIdempotent(`DELETE FROM ${this.#table} WHERE name = ?`, [name], HISTORY_CL);
  }

  /** Microseconds since the epoch, strictly increasing within this process. */
  #nextSeq(): number {
    this.#lastSeq = Math.max(this.#lastSeq + 1, Date.now() * 1000);
    return this.#lastSeq;
  }
}

function inOrder<T>(rows: readonly Row[], map: (row: Row) => T): T[] {
  return rows
    .map((row) => ({ seq: Number(row.get('seq')), value: map(row) }))
    .sort((a, b) => a.seq - b.seq)
    .map((r) => r.value);
}

function toEntry(row: Row): HistoryEntry {
  return { ...toRow(row), migration: JSON.parse(row.get('migration') as string) as Migration };
}

function toRow(row: Row): HistoryRow {
  return {
    name: row.get('name') as string,
    tag: row.get('tag') as string,
    checksum: row.get('checksum') as string,
    status: row.get('status') as HistoryStatus,
    direction: row.get('direction') as 'up' | 'down',
    appliedAt: (row.get('applied_at') as Date | null) ?? null,
    startedAt: row.get('started_at') as Date,
    executionMs: Number(row.get('execution_ms') ?? 0),
    stepsApplied: Number(row.get('steps_applied') ?? 0),
    stepsTotal: Number(row.get('steps_total') ?? 0),
    error: (row.get('error') as string | null) ?? null,
    appliedBy: row.get('applied_by') as string,
  };
}
