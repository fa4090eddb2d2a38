import type { HistoryEntry, HistoryRow } from '../adapter/history.js';

/** Progress of a run, for logs and the CLI's progress bars. */
export type ProgressEvent =
  | { readonly type: 'lock:wait'; readonly heldBy: string | undefined }
  | { readonly type: 'migration:start'; readonly name: string; readonly tag: string; readonly direction: 'up' | 'down'; readonly stepsTotal: number; readonly resumeFrom: number }
  | { readonly type: 'step:start'; readonly name: string; readonly index: number; readonly total: number; readonly summary: string }
  | { readonly type: 'step:done'; readonly name: string; readonly index: number; readonly total: number; readonly summary: string; readonly ms: number }
  /** The server warned about a step (a notice, a warning): shown in the run's output and recorded in the history row. */
  | { readonly type: 'step:warning'; readonly name: string; readonly index: number; readonly total: number; readonly summary: string; readonly message: string }
  /** A step found in effect although the history did not record it (its runner died first): counted as applied. */
  | { readonly type: 'step:reconciled'; readonly name: string; readonly index: number; readonly total: number; readonly summary: string }
  | { readonly type: 'migration:done'; readonly name: string; readonly tag: string; readonly direction: 'up' | 'down'; readonly outcome: RunOutcome; readonly ms: number }
  | { readonly type: 'migration:failed'; readonly name: string; readonly direction: 'up' | 'down'; readonly stepsApplied: number; readonly stepsTotal: number; readonly error: string };

export interface EngineOptions {
  /** How long to wait for another runner's lock before failing (default 60 s). */
  readonly lockTimeoutMs?: number;
  /** Lease of the lock; renewed every third of it while working (default 30 s). */
  readonly leaseMs?: number;
  /** Called with progress events; exceptions it throws are ignored. */
  readonly onProgress?: (event: ProgressEvent) => void;
  /** Passed to the adapter's compile, e.g. `{ online: false }`. */
  readonly compileOptions?: { readonly [key: string]: unknown };
  /** Names this runner in lock and history rows (default host and pid). */
  readonly owner?: string;
}

/**
 * How to go on with a migration recorded as failed or interrupted part-way: 'resume' (default)
 * runs from the first unapplied step; 'compensate' undoes the applied steps first, then runs it
 * from the start. A run killed inside a raw statement outside a transaction is refused until the
 * user, having looked, says 'mark-ran' (it took effect: record it and resume after it) or
 * 'rerun' (it did not: run it again).
 */
export type Recovery = 'resume' | 'compensate' | 'mark-ran' | 'rerun';

export interface UpOptions {
  /** See Recovery. */
  readonly recover?: Recovery;
}

export interface UpAllOptions extends UpOptions {
  /**
   * Run every pending migration in one transaction (only where DDL is transactional and no
   * step must run outside a transaction). Fewer commits; all or nothing. Default false.
   */
  readonly singleTransaction?: boolean;
}

export type RunOutcome = 'applied' | 'skipped' | 'resumed' | 'rolled_back' | 'compensated';

/** What a run did to one migration. */
export interface RunResult {
  readonly name: string;
  readonly tag: string;
  readonly direction: 'up' | 'down';
  readonly outcome: RunOutcome;
  readonly stepsApplied: number;
  readonly stepsTotal: number;
  readonly durationMs: number;
}

/** `getStatus` result: the spec's fields plus failed and mismatched. `E`: the history entries it names (full, with `migration`, from getStatus). */
export interface MigrationStatus<M, E extends HistoryRow = HistoryEntry> {
  readonly total: number;
  readonly completed: number;
  readonly pending: number;
  readonly pendingMigrations: M[];
  readonly lastApplied: E | undefined;
  readonly failed: number;
  readonly failedMigrations: E[];
  /** Applied migrations whose definition changed since (checksum differs). */
  readonly mismatched: number;
  readonly mismatchedMigrations: M[];
  /** Rows in history that no defined migration matches. */
  readonly unknownApplied: E[];
}
