import type { HistoryEntry, HistoryRow, HistoryStatus, HistoryStore, HistoryWriteOptions, Migration, Session, StepWarning } from '@ductape/core';
import { escapeLiteral, historyLiterals, warningsText } from './history-literals.js';
import type { PostgresDriver, TransactionQueryable } from './postgres-driver.js';
import { asPostgresSession } from './postgres-session.js';
import { qualify, quoteIdent, quoteLiteral } from './quote.js';

/** Name of the history table. */
export const HISTORY_TABLE = '_ductape_migrations';

const COLUMNS = 'name, tag, checksum, status, direction, applied_at, started_at, execution_ms, steps_applied, steps_total, error, applied_by, migration, warnings';
// Dates as epoch milliseconds (float8) and the migration as text: the driver then decodes no
// timestamps and parses no JSON per row; each migration is parsed on first access.
const UPSERT = `ON CONFLICT (name) DO UPDATE SET tag = EXCLUDED.tag, checksum = EXCLUDED.checksum, status = EXCLUDED.status, direction = EXCLUDED.direction,
  applied_at = EXCLUDED.applied_at, started_at = EXCLUDED.started_at, execution_ms = EXCLUDED.execution_ms, steps_applied = EXCLUDED.steps_applied,
  steps_total = EXCLUDED.steps_total, error = EXCLUDED.error, applied_by = EXCLUDED.applied_by, migration = EXCLUDED.migration, warnings = EXCLUDED.warnings`;
/** SQLSTATEs of a missing table (42P01) or schema (3F000). */
const MISSING = new Set(['42P01', '3F000']);
const LIST_COLUMNS = COLUMNS.replace('migration', 'migration::text AS migration')
  .replace('applied_at', '(extract(epoch FROM applied_at) * 1000)::float8 AS applied_at')
  .replace('started_at', '(extract(epoch FROM started_at) * 1000)::float8 AS started_at');
/** LIST_COLUMNS without the migration: a listing for status reads half the bytes (73 vs 151 ms at 10,000 rows). */
const ROW_COLUMNS = LIST_COLUMNS.replace(', migration::text AS migration', '');

/**
 * History rows in `<schema>._ductape_migrations`, one per migration name, in the order first
 * recorded (an identity column). The full migration is kept as `json` (its text as written).
 * @example const history = new PostgresHistoryStore(driver, 'public'); await history.ensure();
 */
export class PostgresHistoryStore implements HistoryStore {
  readonly #driver: PostgresDriver;
  readonly #schema: string;
  readonly #table: string;
  /** Set once this store has seen or made its table: a later ensure() sends nothing (list() makes it again if it was dropped since). */
  #ensured = false;

  constructor(driver: PostgresDriver, schema: string) {
    this.#driver = driver;
    this.#schema = schema;
    this.#table = qualify(schema, HISTORY_TABLE);
  }

  async ensure(): Promise<void> {
    if (this.#ensured) return;
    await this.#ensure();
    this.#ensured = true;
  }

  async #ensure(): Promise<void> {
    const exists = await this.#driver.query(
      "SELECT to_regclass($1) IS NOT NULL AS ok, EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = 'warnings' AND NOT attisdropped) AS warnings",
      [this.#table],
    );
    if (exists.rows[0]?.ok === true) {
      // A table made before warnings were kept gets the column (nullable: its rows have none).
      if (exists.rows[0]?.warnings !== true) await this.#driver.query(`ALTER TABLE ${this.#table} ADD COLUMN IF NOT EXISTS warnings text`);
      return;
    }
    const ddl = `CREATE SCHEMA IF NOT EXISTS ${quoteIdent(this.#schema, 'schema')};
CREATE TABLE IF NOT EXISTS ${this.#table} (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL UNIQUE,
  tag text NOT NULL,
  checksum text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'applied', 'failed')),
  direction text NOT NULL CHECK (direction IN ('up', 'down')),
  applied_at timestamptz,
  started_at timestamptz NOT NULL,
  execution_ms integer NOT NULL,
  steps_applied integer NOT NULL,
  steps_total integer NOT NULL,
  error text,
  applied_by text NOT NULL,
  migration json NOT NULL,
  warnings text
);
COMMENT ON TABLE ${this.#table} IS ${quoteLiteral('Ductape Migrations history: one row per migration (see @ductape/adapter-postgres)')}`;
    try {
      await this.#driver.query(ddl);
    } catch (error) {
      // Two runners creating it at once: the loser sees a duplicate (42P07, 23505 on pg_class or
      // pg_type, or 42710 "type … already exists" when the winner committed between its checks).
      const code = (error as { code?: string }).code;
      if (code !== '23505' && code !== '42P07' && code !== '42710') throw error;
      const created = await this.#driver.query('SELECT to_regclass($1) IS NOT NULL AS ok', [this.#table]);
      if (created.rows[0]?.ok !== true) throw error; // a duplicate of something else: not ours to hide
    }
  }

  async list(): Promise<HistoryEntry[]> {
    // The migration comes as text and is parsed on first access.
    return (await this.#select(`SELECT ${LIST_COLUMNS} FROM ${this.#table} ORDER BY id`)).map(toEntry);
  }

  /** Every row without the migration column (status, a no-op up): the bodies are neither sent nor parsed. */
  async listRows(): Promise<HistoryRow[]> {
    return (await this.#select(`SELECT ${ROW_COLUMNS} FROM ${this.#table} ORDER BY id`)).map(toRow);
  }

  /** The full rows of `names`, in one query. */
  async read(names: readonly string[]): Promise<HistoryEntry[]> {
    if (names.length === 0) return [];
    return (await this.#select(`SELECT ${LIST_COLUMNS} FROM ${this.#table} WHERE name = ANY($1::text[]) ORDER BY id`, [[...names]])).map(toEntry);
  }

  async #select(text: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
    try {
      return (await this.#driver.query(text, params)).rows;
    } catch (error) {
      // Dropped since this store made it (ensure() remembers): made again, as a fresh ensure() would.
      if (!this.#ensured || !MISSING.has((error as { code?: string }).code ?? '')) throw error;
      this.#ensured = false;
      await this.ensure();
      return (await this.#driver.query(text, params)).rows;
    }
  }

  /**
   * Upserts the row. With `{ last: true }` in a transaction of a server driver the row is written
   * as literals in the COMMIT's round trip (TransactionQueryable.beforeCommit); otherwise at once,
   * with parameters.
   */
  async save(entry: HistoryEntry, session?: Session, options?: HistoryWriteOptions): Promise<void> {
    const db = asPostgresSession(session)?.db ?? this.#driver;
    const atCommit = options?.last === true ? commitTail(db) : undefined;
    const literals = atCommit ? historyLiterals(entry) : undefined;
    if (atCommit && literals) return atCommit(`INSERT INTO ${this.#table} (${COLUMNS}) VALUES (${literals.join(', ')})\n${UPSERT}`);
    await db.query(`INSERT INTO ${this.#table} (${COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)\n${UPSERT}`, [
      entry.name,
      entry.tag,
      entry.checksum,
      entry.status,
      entry.direction,
      entry.appliedAt,
      entry.startedAt,
      Math.round(entry.executionMs),
      entry.stepsApplied,
      entry.stepsTotal,
      entry.error,
      entry.appliedBy,
      JSON.stringify(entry.migration),
      warningsText(entry),
    ]);
  }

  /** Deletes the row; like save, in the COMMIT's round trip with `{ last: true }` where it can. */
  async remove(name: string, session?: Session, options?: HistoryWriteOptions): Promise<void> {
    const db = asPostgresSession(session)?.db ?? this.#driver;
    const atCommit = options?.last === true ? commitTail(db) : undefined;
    const literal = atCommit && typeof name === 'string' ? escapeLiteral(name) : undefined;
    if (atCommit && literal) return atCommit(`DELETE FROM ${this.#table} WHERE name = ${literal}`);
    await db.query(`DELETE FROM ${this.#table} WHERE name = $1`, [name]);
  }
}

/** The queue of writes sent with the COMMIT, when `db` is a transaction that has one. */
function commitTail(db: TransactionQueryable): ((text: string) => void) | undefined {
  return typeof db.beforeCommit === 'function' ? (text) => db.beforeCommit?.(text) : undefined;
}

function toRow(row: Record<string, unknown>): HistoryRow {
  return {
    name: String(row.name),
    tag: String(row.tag),
    checksum: String(row.checksum),
    status: row.status as HistoryStatus,
    direction: row.direction as 'up' | 'down',
    appliedAt: toDate(row.applied_at),
    startedAt: toDate(row.started_at) ?? new Date(0),
    executionMs: Number(row.execution_ms),
    stepsApplied: Number(row.steps_applied),
    stepsTotal: Number(row.steps_total),
    error: row.error === null || row.error === undefined ? null : String(row.error),
    appliedBy: String(row.applied_by),
    ...(row.warnings === null || row.warnings === undefined ? {} : { warnings: JSON.parse(String(row.warnings)) as StepWarning[] }),
  };
}

function toEntry(row: Record<string, unknown>): HistoryEntry {
  const entry = toRow(row);
  let parsed: Migration | undefined;
  const raw = row.migration;
  Object.defineProperty(entry, 'migration', {
    enumerable: true,
    get: () => (parsed ??= (typeof raw === 'string' ? JSON.parse(raw) : raw) as Migration),
  });
  return entry as HistoryEntry;
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value;
  return new Date(typeof value === 'number' ? value : Number.isFinite(Number(value)) ? Number(value) : String(value));
}
