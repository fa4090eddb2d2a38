import type { Migration } from '../model/migration.js';
import type { Session } from './session.js';

export type HistoryStatus = 'running' | 'applied' | 'failed';

/**
 * One row of the migration history without its migration body: what `status`, a no-op `up` and
 * `history` need (`HistoryStore.listRows`, `engine.getHistoryRows()`).
 * @example (await engine.getHistoryRows()).filter((r) => r.status === 'failed').map((r) => r.tag)
 */
export interface HistoryRow {
  readonly name: string;
  readonly tag: string;
  readonly checksum: string;
  readonly status: HistoryStatus;
  /** Which way the recorded run went; a failed `down` keeps the row with direction 'down'. */
  readonly direction: 'up' | 'down';
  /** When the migration finished applying (null while running or failed). */
  readonly appliedAt: Date | null;
  readonly startedAt: Date;
  readonly executionMs: number;
  readonly stepsApplied: number;
  readonly stepsTotal: number;
  readonly error: string | null;
  /** Who ran it (host, pid). */
  readonly appliedBy: string;
  /**
   * What the server warned about while its steps ran (absent when nothing, and on rows recorded
   * before warnings were kept), in step order.
   */
  readonly warnings?: readonly StepWarning[];
}

/**
 * A warning or notice the server raised on one step of a run, as recorded in the history row.
 * @example { step: 0, summary: 'raw postgres', message: 'WARNING 01000: careful' }
 */
export interface StepWarning {
  /** Index of the step in the run (0-based). */
  readonly step: number;
  readonly summary: string;
  readonly message: string;
}

/** One row of the migration history, stored in the database itself, with the migration it ran. */
export interface HistoryEntry extends HistoryRow {
  /** The full migration, so `down` works from history alone. */
  readonly migration: Migration;
}

/**
 * Where history lives. Small on purpose (after Umzug's storage): ensure, list, save, remove.
 * `session` is given when the write must be part of the migration's transaction.
 */
export interface HistoryStore {
  /** Creates the history table/collection when missing. Idempotent. */
  ensure(): Promise<void>;
  /** Every row, in the order they were first recorded. */
  list(): Promise<HistoryEntry[]>;
  /** Inserts or replaces the row of `entry.name`. */
  save(entry: HistoryEntry, session?: Session, options?: HistoryWriteOptions): Promise<void>;
  /** Deletes the row of `name` (after a rollback). */
  remove(name: string, session?: Session, options?: HistoryWriteOptions): Promise<void>;
  /**
   * Optional (with `read`): every row without its migration body, in `list()`'s order. Where the
   * body can be left out of the query this is what status and a no-op `up` read; without it the
   * engine uses `list()`.
   */
  listRows?(): Promise<HistoryRow[]>;
  /**
   * Optional (with `listRows`): the full rows of `names` that exist, in any order (a name with no
   * row is left out). The engine reads bodies this way only where it needs them: down, resume,
   * compensate, a status's last applied, failed and unknown rows.
   */
  read?(names: readonly string[]): Promise<HistoryEntry[]>;
}

/**
 * A hint the engine gives with a history write; a store may ignore it.
 * @example await history.save(entry, session, { last: true });
 */
export interface HistoryWriteOptions {
  /**
   * Nothing else runs in `session`'s transaction after this write (other than further writes
   * marked last, in order), so the store may send it in the COMMIT's round trip (PostgreSQL
   * does). The write still commits or rolls back with the transaction.
   */
  readonly last?: boolean;
}
