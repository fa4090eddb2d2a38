import type { Migration } from '@ductape/core';
import type { FleetPace } from './fleet-meter.js';

export type { FleetPace } from './fleet-meter.js';

/** Counts and pace of a run in flight, carried by every event (`applied`, `migrationsPerSecond`, `etaMs`: see FleetPace). */
export interface FleetProgress extends FleetPace {
  readonly done: number;
  readonly failed: number;
  readonly running: number;
  /** Targets not started yet (including locked ones waiting for their retry). */
  readonly left: number;
}

/** A target that did not end up to date: its name, the error code and a message without secrets. */
export interface FleetTargetFailure {
  readonly target: string;
  readonly code: string;
  readonly message: string;
}

/** Progress of `db.fleet(name).up()`, one event per target change. Never holds a connection URL. */
export type FleetEvent =
  | { readonly type: 'target-start'; readonly target: string; readonly retry: boolean; readonly progress: FleetProgress }
  | { readonly type: 'target-done'; readonly target: string; readonly applied: number; readonly upToDate: boolean; readonly ms: number; readonly progress: FleetProgress }
  | { readonly type: 'target-failed'; readonly target: string; readonly code: string; readonly message: string; readonly ms: number; readonly progress: FleetProgress }
  /** Another runner holds the target's lock: it is tried again at the end (`retry: false`), or, on that retry, left to the other runner (`retry: true`). */
  | { readonly type: 'target-skipped-locked'; readonly target: string; readonly retry: boolean; readonly heldBy?: string; readonly progress: FleetProgress };

export interface FleetUpOptions {
  /** The environment of the fleet in the config (e.g. 'prd'). */
  readonly env: string;
  /**
   * The built migrations every target must have, in order. Omitted: the project's migrations
   * directory is read (`migrationsDir` of the config, relative to its file, else `migrations/`
   * in the working directory), as `ductape up --fleet` does: every built migration in file-name
   * order, drafts left out.
   */
  readonly migrations?: readonly Migration[];
  /** Most targets connected and migrating at once (default 4). */
  readonly concurrency?: number;
  /** Migrate the first K targets first and stop before the others if any of them fails (default 0: no canary). */
  readonly canary?: number;
  /** Stop starting targets once this many failed (default Infinity: every target is tried). */
  readonly maxFailures?: number;
  /** How long the end-of-run retry of a locked target waits for the other runner (default: the engine's, 60 s). */
  readonly lockTimeoutMs?: number;
  /**
   * A hint for runners on several machines (1-based, `{ index: 2, count: 4 }`): this runner takes
   * the targets of its shard first (a target's shard is a hash of its name, the same on every
   * machine), then every other target, from the end of the fleet backwards. It never skips one:
   * a target another runner finished is only read (up to date), one it is migrating is locked
   * and retried at the end, so a machine that dies leaves no shard orphaned and nothing runs
   * twice. The canary targets come first whatever the shard.
   */
  readonly shard?: { readonly index: number; readonly count: number };
  /** Progress events; an exception it throws is ignored. */
  readonly onEvent?: (event: FleetEvent) => void;
}

/** What happened to one target in a run. */
export interface FleetTargetRow {
  readonly target: string;
  readonly state: 'applied' | 'up-to-date' | 'failed' | 'skipped-locked' | 'not-started';
  /** Migrations applied (or resumed) on it by this run. */
  readonly applied: number;
  readonly ms: number;
  readonly code?: string;
  readonly message?: string;
}

/** The result of `db.fleet(name).up()`. */
export interface FleetSummary {
  readonly fleet: string;
  readonly env: string;
  /** How many targets the fleet has. */
  readonly targets: number;
  /** Targets this run applied at least one migration to. */
  readonly done: number;
  /** Targets that had nothing to do (their history read without the lock, or under it right after a target that had work). */
  readonly upToDate: number;
  /** Targets whose run failed; each stays failed/resumable: the next `up` resumes it. */
  readonly failed: readonly FleetTargetFailure[];
  /** Targets whose lock another runner still held after the retry (that runner migrates them). */
  readonly skipped: readonly string[];
  /** Targets never started because the run stopped (`stoppedBy`). */
  readonly notStarted: readonly string[];
  readonly stoppedBy?: 'canary' | 'max-failures';
  /** The shard hint of the run and how many targets were its own. */
  readonly shard?: { readonly index: number; readonly count: number; readonly own: number };
  /** Migrations applied (or resumed) over all targets. */
  readonly applied: number;
  /** `applied` per second of the whole run. */
  readonly migrationsPerSecond: number;
  readonly ms: number;
  /** One row per target, in fleet order. */
  readonly rows: readonly FleetTargetRow[];
  /** When the migrations were read from the project's directory: tags of the drafts left out (no operations yet). */
  readonly skippedDrafts?: readonly string[];
}

export interface FleetStatusOptions {
  readonly env: string;
  /** The migrations to count; omitted: the project's migrations directory is read (see FleetUpOptions.migrations). */
  readonly migrations?: readonly Migration[];
  /** Most targets connected at once (default 4). */
  readonly concurrency?: number;
}

/** One target's counts against the given migrations (or why it could not be read). */
export interface FleetTargetStatus {
  readonly target: string;
  readonly applied: number;
  readonly pending: number;
  readonly failed: number;
  /** Tags of the pending migrations, in order. */
  readonly pendingTags: readonly string[];
  /** Names of the migrations recorded as failed (resumable). */
  readonly failedNames: readonly string[];
  /** Set when the target could not be read (connection refused…); its counts are then 0. */
  readonly error?: { readonly code: string; readonly message: string };
}

/** Targets in the same state, e.g. "2 pending 20261201_…". */
export interface FleetStatusGroup {
  readonly state: 'up-to-date' | 'pending' | 'failed' | 'unreachable';
  readonly count: number;
  /** For `pending`: the tags pending on every target of the group; for `failed`: the failed names. */
  readonly detail: readonly string[];
  readonly targets: readonly string[];
}

/** The result of `db.fleet(name).status()`. */
export interface FleetStatus {
  readonly fleet: string;
  readonly env: string;
  readonly targets: readonly FleetTargetStatus[];
  readonly groups: readonly FleetStatusGroup[];
  /** One line, e.g. "18 up to date, 2 pending 20261201_x, 1 failed". */
  readonly summary: string;
}
