import type { HistoryEntry, HistoryRow, HistoryStatus, HistoryStore, Migration, Session, StepWarning } from '@ductape/core';
import type { MysqlDriver, MysqlQueryable, Row } from './mysql-driver.js';
import { connectionOf } from './mysql-session.js';
import { fromSqlDate, toSqlDate } from './sql-date.js';

/** The history table, in the connected database. */
export const HISTORY_TABLE = '_ductape_migrations';

/**
 * The history table. `migration` holds the full migration as JSON text in a LONGTEXT with a
 * JSON_VALID check (byte-exact on both servers; MySQL's JSON type would re-order keys).
 * `id` keeps the order rows were first recorded. `warnings` (JSON text, NULL when none) holds
 * what the server warned about the steps (added to a table made before it, see ensure).
 */
export const HISTORY_DDL = `CREATE TABLE IF NOT EXISTS \`${HISTORY_TABLE}\` (
  \`id\` BIGINT NOT NULL AUTO_INCREMENT,
  \`name\` VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  \`tag\` VARCHAR(255) NOT NULL,
  \`checksum\` CHAR(64) CHARACTER SET ascii NOT NULL,
  \`status\` VARCHAR(16) CHARACTER SET ascii NOT NULL,
  \`direction\` VARCHAR(4) CHARACTER SET ascii NOT NULL,
  \`applied_at\` DATETIME(3) NULL,
  \`started_at\` DATETIME(3) NOT NULL,
  \`execution_ms\` BIGINT NOT NULL,
  \`steps_applied\` INT NOT NULL,
  \`steps_total\` INT NOT NULL,
  \`error\` MEDIUMTEXT NULL,
  \`applied_by\` VARCHAR(255) NOT NULL,
  \`migration\` LONGTEXT NOT NULL,
  \`warnings\` MEDIUMTEXT NULL,
  PRIMARY KEY (\`id\`),
  UNIQUE KEY \`name\` (\`name\`),
  CONSTRAINT \`${HISTORY_TABLE}_migration_json\` CHECK (JSON_VALID(\`migration\`))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin`;

/** What the history needs of the lock: its writes committed together with the fencing check. */
export interface HistoryFence {
  fenced<T>(q: MysqlQueryable, what: string, fn: (q: MysqlQueryable) => Promise<T>): Promise<T>;
}

const COLUMNS = ['name', 'tag', 'checksum', 'status', 'direction', 'applied_at', 'started_at', 'execution_ms', 'steps_applied', 'steps_total', 'error', 'applied_by', 'migration', 'warnings'];
const SELECT_ALL = `SELECT ${COLUMNS.map((c) => `\`${c}\``).join(', ')} FROM \`${HISTORY_TABLE}\``;
/** Every column but the migration: a listing for status sends and parses no LONGTEXT bodies. */
const SELECT_ROWS = `SELECT ${COLUMNS.filter((c) => c !== 'migration')
  .map((c) => `\`${c}\``)
  .join(', ')} FROM \`${HISTORY_TABLE}\``;
/** Names per `read` query (IN lists stay well under max_allowed_packet). */
const READ_CHUNK = 500;

/**
 * History in `_ductape_migrations`: ensure, list, save (insert or replace, keeping the row's
 * place), remove. Writes use the given session's connection, else a pooled one.
 * @example const history = new MysqlHistoryStore(driver); await history.ensure(); await history.list();
 */
export class MysqlHistoryStore implements HistoryStore {
  /** `fence`: on a cluster, runs each save/remove in one transaction with the lock's fencing check. */
  constructor(
    private readonly driver: MysqlDriver,
    private readonly fence?: HistoryFence,
  ) {}

  /**
   * Creates the table when it is missing, and adds the `warnings` column to one made before it
   * (no DDL when both are there: on Galera even a no-op one is replicated in total order).
   */
  async ensure(): Promise<void> {
    await this.#run(undefined, async (q) => {
      const [t] = await q.query(
        `SELECT (SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ?) AS n,
  (SELECT COUNT(*) FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? AND COLUMN_NAME = 'warnings') AS w`,
        [HISTORY_TABLE, HISTORY_TABLE],
      );
      if (Number(t?.n) === 0) await q.query(HISTORY_DDL);
      else if (Number(t?.w) === 0) await q.query(ADD_WARNINGS).catch(duplicateColumnIsFine);
    });
  }

  async list(): Promise<HistoryEntry[]> {
    const rows = await this.#run(undefined, (q) => q.query(`${SELECT_ALL} ORDER BY \`id\``));
    return rows.map(toEntry);
  }

  /** Every row without the migration column, in list() order. */
  async listRows(): Promise<HistoryRow[]> {
    const rows = await this.#run(undefined, (q) => q.query(`${SELECT_ROWS} ORDER BY \`id\``));
    return rows.map(toRow);
  }

  /** The full rows of `names` (one query per 500 names, on one connection). */
  async read(names: readonly string[]): Promise<HistoryEntry[]> {
    if (names.length === 0) return [];
    return this.#run(undefined, async (q) => {
      const out: HistoryEntry[] = [];
      for (let i = 0; i < names.length; i += READ_CHUNK) {
        const chunk = names.slice(i, i + READ_CHUNK);
        const rows = await q.query(`${SELECT_ALL} WHERE \`name\` IN (${chunk.map(() => '?').join(', ')}) ORDER BY \`id\``, chunk);
        out.push(...rows.map(toEntry));
      }
      return out;
    });
  }

  async save(entry: HistoryEntry, session?: Session): Promise<void> {
    const values = [
      entry.name,
      entry.tag,
      entry.checksum,
      entry.status,
      entry.direction,
      entry.appliedAt ? toSqlDate(entry.appliedAt) : null,
      toSqlDate(entry.startedAt),
      Math.round(entry.executionMs),
      entry.stepsApplied,
      entry.stepsTotal,
      entry.error,
      entry.appliedBy,
      JSON.stringify(entry.migration),
      entry.warnings && entry.warnings.length > 0 ? JSON.stringify(entry.warnings) : null,
    ];
    const names = COLUMNS.map((c) => `\`${c}\``);
    const update = names.filter((c) => c !== '`name`').map((c) => `${c} = VALUES(${c})`);
    const text = `INSERT INTO \`${HISTORY_TABLE}\` (${names.join(', ')}) VALUES (${names.map(() => '?').join(', ')}) ON DUPLICATE KEY UPDATE ${update.join(', ')}`;
    await this.#run(session, (q) => this.#fenced(q, `write the history of "${entry.name}"`, (f) => f.query(text, values)));
  }

  async remove(name: string, session?: Session): Promise<void> {
    await this.#run(session, (q) => this.#fenced(q, `remove the history of "${name}"`, (f) => f.query(`DELETE FROM \`${HISTORY_TABLE}\` WHERE \`name\` = ?`, [name])));
  }

  #fenced<T>(q: MysqlQueryable, what: string, fn: (q: MysqlQueryable) => Promise<T>): Promise<T> {
    return this.fence ? this.fence.fenced(q, what, fn) : fn(q);
  }

  async #run<T>(session: Session | undefined, fn: (q: MysqlQueryable) => Promise<T>): Promise<T> {
    if (session) return fn(connectionOf(session));
    const c = await this.driver.acquire();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }
}

function toEntry(r: Row): HistoryEntry {
  return { ...toRow(r), migration: JSON.parse(String(r.migration)) as Migration };
}

function toRow(r: Row): HistoryRow {
  return {
    name: String(r.name),
    tag: String(r.tag),
    checksum: String(r.checksum),
    status: String(r.status) as HistoryStatus,
    direction: String(r.direction) === 'down' ? 'down' : 'up',
    appliedAt: r.applied_at === null || r.applied_at === undefined ? null : fromSqlDate(r.applied_at),
    startedAt: fromSqlDate(r.started_at),
    executionMs: Number(r.execution_ms),
    stepsApplied: Number(r.steps_applied),
    stepsTotal: Number(r.steps_total),
    error: r.error === null || r.error === undefined ? null : String(r.error),
    appliedBy: String(r.applied_by),
    ...(r.warnings === null || r.warnings === undefined ? {} : { warnings: JSON.parse(String(r.warnings)) as StepWarning[] }),
  };
}

/** The column a history table made before warnings were kept lacks. */
const ADD_WARNINGS = `ALTER TABLE \`${HISTORY_TABLE}\` ADD COLUMN \`warnings\` MEDIUMTEXT NULL`;

/** ER_DUP_FIELDNAME: another runner added the column first. */
function duplicateColumnIsFine(error: unknown): void {
  if ((error as { errno?: number }).errno !== 1060) throw error;
}
