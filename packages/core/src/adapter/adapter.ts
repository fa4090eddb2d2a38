import type { Migration } from '../model/migration.js';
import type { CollectionSnapshot, Operation } from '../model/operation.js';
import type { Capabilities } from './capabilities.js';
import type { HistoryStore } from './history.js';
import type { LockStore } from './lock.js';
import type { Session } from './session.js';
import type { Step } from './step.js';

/** The optional methods of Adapter: a wrapper that forwards an adapter must forward each. */
export const OPTIONAL_ADAPTER_METHODS = ['referencingKeys', 'preflight', 'readLive'] as const;

/** A foreign key constraint `name` of `collection` that references another collection. */
export interface ReferencingKey {
  readonly collection: string;
  readonly name: string;
}

/** What `readLive` read: the collections asked for and, when steps were given, their preflight, from one read. */
export interface LiveRead {
  /** Each collection asked for: its definition, or undefined when it does not exist. */
  readonly collections: ReadonlyMap<string, CollectionSnapshot | undefined>;
  /**
   * Given steps: refuses them (throws what `preflight` would) judging by this same read, without
   * another; the engine calls it after its own checks, where it would have called `preflight`.
   */
  readonly preflight?: () => Promise<void>;
}

/**
 * What running a step told besides success: the server's warnings and notices about it, one line
 * each (e.g. `NOTICE 42P07: relation "t" already exists, skipping`).
 * @example const outcome: StepOutcome = { warnings: ['Warning 1071: Specified key was too long'] };
 */
export interface StepOutcome {
  readonly warnings?: readonly string[];
}

/** What compile may look at besides the op: pure data, so compiling twice gives the same steps. */
export interface CompileContext {
  readonly migration: Migration;
  readonly direction: 'up' | 'down';
  /** Index of the op in `migration.up` or `migration.down`. */
  readonly index: number;
  /** Options the caller passed for this run (e.g. `{ online: false }`), for the adapter to read. */
  readonly options: { readonly [key: string]: unknown };
}

/**
 * The contract every database adapter implements (ours and third parties').
 * Compile is pure; execute is the only place that does IO for steps.
 *
 * @example
 * const engine = new MigrationEngine(new MemoryAdapter());
 * await engine.up(migration('create_users').createCollection('users', { id: 'uuid' }).build());
 */
export interface Adapter {
  /** e.g. 'postgres', 'memory'. */
  readonly name: string;
  readonly capabilities: Capabilities;
  connect(): Promise<void>;
  close(): Promise<void>;
  /** Operation → steps, without IO. Throws UnsupportedOperationError or ValidationError. */
  compile(op: Operation, ctx: CompileContext): Step[];
  /**
   * Runs `fn` with a session. 'transaction' commits when `fn` resolves and rolls back when it
   * throws (adapters without transactional DDL give a non-transactional session instead).
   */
  withSession<T>(mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T>;
  /**
   * Runs one step. May resolve to what the server said about it (`{ warnings }`: its notices and
   * warnings, e.g. PostgreSQL's `NOTICE`, MySQL's `SHOW WARNINGS`); the engine shows them in the
   * run's progress (`step:warning`) and records them with the step in the history row.
   */
  // biome-ignore lint/suspicious/noConfusingVoidType: adapters written before StepOutcome resolve to nothing (Promise<void>)
  execute(step: Step, session: Session): Promise<void | StepOutcome>;
  /** The current definition of a collection, or undefined when it does not exist. */
  introspect(collection: string): Promise<CollectionSnapshot | undefined>;
  /**
   * Optional: the foreign keys of other collections that reference `collection` (not its own
   * self-references). With it, the engine drops them explicitly before a cascading
   * dropCollection (so the down restores them) and refuses a drop without cascade that they
   * would block, before any change.
   */
  referencingKeys?(collection: string): Promise<ReadonlyArray<ReferencingKey>>;
  /**
   * Optional: reads the live schema for what only it can tell about a migration's compiled
   * steps (e.g. a pair of constraints the server would refuse) and throws a DuctapeError to
   * refuse it. The engine calls it under the lock before it writes anything, so a refusal
   * leaves neither a change nor a history row. Reads only.
   */
  preflight?(steps: readonly Step[], direction: 'up' | 'down'): Promise<void>;
  /**
   * Optional: several collections read at once (what `introspect` gives for each) and, when
   * `check` is given, what `preflight` needs for its steps, in one read where the database allows
   * (PostgreSQL: one round trip). With it the engine makes one catalog read per migration instead
   * of one per collection plus the preflight's. Reads only, against the live database on every call:
   * nothing is kept for a later call.
   * @example const live = await adapter.readLive(['users'], { steps, direction: 'up' }); await live.preflight?.();
   */
  readLive?(collections: readonly string[], check?: { readonly steps: readonly Step[]; readonly direction: 'up' | 'down' }): Promise<LiveRead>;
  readonly history: HistoryStore;
  readonly lock: LockStore;
}
