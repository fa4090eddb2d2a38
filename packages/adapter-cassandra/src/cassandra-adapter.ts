import {
  InvalidArgumentError,
  UnsupportedOperationError,
  ValidationError,
  type CollectionSnapshot,
  type CompileContext,
  type DataAdapter,
  type Operation,
  type ResolvedUpdate,
  type Session,
  type Step,
  type UpdateOptions,
  type UpdateResult,
} from '@ductape/core';
import { CASSANDRA_CAPABILITIES } from './cassandra-capabilities.js';
import { compileCassandra } from './cassandra-compiler.js';
import { CassandraDriver, type CassandraDriverOptions } from './cassandra-driver.js';
import { CassandraHistoryStore } from './cassandra-history.js';
import { introspectTable } from './cassandra-introspector.js';
import { CassandraLockStore } from './cassandra-lock.js';
import { checkUpdate } from './data/check-update.js';
import { DataProgress } from './data/data-progress.js';
import { tableColumns } from './data/table-columns.js';
import { updateRowsCassandra } from './data/update-rows.js';
import { type CassandraSession, asCassandraSession } from './cassandra-session.js';
import type { CassandraStatementStep } from './compile/step.js';
import { readLiveTables } from './preflight/live-schema.js';
import { replayEffects, tablesToCheck } from './preflight/replay.js';
import { quoteName, schemaNameProblem } from './quote.js';
import { DEFAULT_REPLICATION, type Replication, replicationMap } from './replication.js';
import { waitForSaiIndex } from './sai-index-wait.js';

export interface CassandraAdapterOptions extends CassandraDriverOptions {
  /** The keyspace of the migrated tables, the history table and the lock; created when missing. */
  readonly keyspace: string;
  /** Replication of the keyspace when the adapter creates it (default SimpleStrategy, factor 1). */
  readonly replication?: Replication;
  /** How long createIndex waits for a storage-attached index to become queryable (default 300 000 ms). */
  readonly indexBuildTimeoutMs?: number;
  /** Rows a data migration (`db.update`) writes at the same time (default 32). */
  readonly updateConcurrency?: number;
}

/**
 * The Cassandra adapter (cassandra-driver). No transactional DDL: the engine records progress
 * after every step and resumes or compensates. Every schema change waits for schema agreement.
 * History in `<keyspace>._ductape_migrations`; the lock is a lightweight-transaction lease row.
 * Also a DataAdapter: `db.update` runs through `updateRows`.
 *
 * @example
 * const adapter = new CassandraAdapter({ contactPoints: ['127.0.0.1:9042'], localDataCenter: 'datacenter1', keyspace: 'app' });
 * await adapter.connect();
 * await new MigrationEngine(adapter).up(migration('create_users').createCollection('users', { id: { type: 'uuid', primaryKey: true } }).build());
 */
export class CassandraAdapter implements DataAdapter {
  readonly name = 'cassandra';
  readonly capabilities = CASSANDRA_CAPABILITIES;
  readonly driver: CassandraDriver;
  readonly keyspace: string;
  readonly history: CassandraHistoryStore;
  readonly lock: CassandraLockStore;
  readonly #replication: Replication;
  readonly #indexBuildTimeoutMs: number;
  readonly #updateConcurrency: number;

  /** `driver`: a driver lent by a fleet's CassandraClientPool; default a CassandraDriver of its own. */
  constructor(options: CassandraAdapterOptions, driver?: CassandraDriver) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('CassandraAdapter options', '{ contactPoints, localDataCenter, keyspace }', options);
    if (!Array.isArray(options.contactPoints) || options.contactPoints.length === 0) throw new InvalidArgumentError('contactPoints', "a list of 'host' or 'host:port'", options.contactPoints);
    if (typeof options.localDataCenter !== 'string' || options.localDataCenter === '')
      throw new InvalidArgumentError('localDataCenter', "the datacenter of the contact points, e.g. 'datacenter1'", options.localDataCenter);
    const problem = schemaNameProblem(options.keyspace);
    if (problem) throw new InvalidArgumentError('keyspace', `a keyspace name (${problem})`, options.keyspace);
    this.keyspace = options.keyspace;
    this.#replication = options.replication ?? DEFAULT_REPLICATION;
    this.#indexBuildTimeoutMs = options.indexBuildTimeoutMs ?? 300_000;
    this.#updateConcurrency = options.updateConcurrency ?? 32;
    if (!Number.isInteger(this.#updateConcurrency) || this.#updateConcurrency < 1) throw new InvalidArgumentError('updateConcurrency', 'a positive integer', options.updateConcurrency);
    replicationMap(this.#replication);
    this.driver = driver ?? new CassandraDriver(options);
    this.history = new CassandraHistoryStore(this.driver, this.keyspace);
    this.lock = new CassandraLockStore(this.driver, this.keyspace);
  }

  /**
   * Connects, creates the keyspace when it is missing and makes it the session's keyspace (`USE`,
   * which the driver repeats on every connection it opens), so raw CQL with unqualified table names
   * means this keyspace's tables, as in cqlsh. Compiled statements name the keyspace anyway.
   */
  async connect(): Promise<void> {
    await this.driver.connect();
    const keyspace = quoteName(this.keyspace, 'keyspace');
    await this.driver.execute(`CREATE KEYSPACE IF NOT EXISTS ${keyspace} WITH replication = ${replicationMap(this.#replication)}`, [], true);
    await this.driver.execute(`USE ${keyspace}`);
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  compile(op: Operation, ctx: CompileContext): Step[] {
    return compileCassandra(op, ctx, { keyspace: this.keyspace });
  }

  /** Cassandra has no transactional DDL: both modes give a non-transactional session. */
  withSession<T>(_mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    const session: CassandraSession = { transactional: false, driver: this.driver };
    return fn(session);
  }

  async execute(step: Step, session: Session): Promise<void> {
    const s = asCassandraSession(session);
    if (!s) throw new InvalidArgumentError('session', 'a session from this adapter’s withSession', session);
    if (step.kind === 'noop') return;
    if (step.kind === 'command') throw new UnsupportedOperationError(this.name, `the command "${step.name}"`, 'Cassandra steps are CQL statements');
    const st = step as CassandraStatementStep;
    await s.driver.execute(st.text, st.params ?? [], st.schemaChange === true);
    if (st.saiIndex !== undefined) await waitForSaiIndex(s.driver, this.keyspace, st.saiIndex, this.#indexBuildTimeoutMs);
  }

  /**
   * Refuses, before anything is written, what Cassandra would refuse at a step after earlier
   * steps ran: a second storage-attached index on a column that already has one
   * (system_schema.indexes), and a column added back under the name of a dropped one with a type
   * that cannot read the old values (system_schema.dropped_columns). Replays the compiled steps
   * over one read of the tables they add columns or indexes to. Reads only.
   * @example await adapter.preflight(steps, 'up') // throws ValidationError 'duplicate_index' / 'dropped_column_type'
   */
  async preflight(steps: readonly Step[], direction: 'up' | 'down' = 'up'): Promise<void> {
    const tables = tablesToCheck(steps);
    if (tables.length === 0) return;
    const issues = replayEffects(steps, await readLiveTables(this.driver, this.keyspace, tables));
    if (issues.length === 0) return;
    const migration = steps.map((s) => (s as CassandraStatementStep).origin?.migration).find((m) => m !== undefined) ?? '(unnamed)';
    throw new ValidationError(`${direction} of migration "${migration}" against the schema of keyspace "${this.keyspace}" (nothing was changed)`, issues);
  }

  async introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    if (typeof collection !== 'string') throw new InvalidArgumentError('collection', 'a table name', collection);
    if (schemaNameProblem(collection)) return undefined; // Cassandra cannot hold a table of that name
    return introspectTable(this.driver, this.keyspace, collection, await this.#historyOrEmpty());
  }

  /**
   * `db.update`: checked against the live table before any row is read or written (checkUpdate),
   * then run along the ring with a progress row per batch (see updateRowsCassandra). Running the
   * same update again after an interruption resumes it; every row is updated exactly once.
   * @example await adapter.updateRows(resolveUpdate(request, (await adapter.introspect('users'))!), { batchSize: 1000 })
   */
  async updateRows(update: ResolvedUpdate, options: UpdateOptions = {}): Promise<UpdateResult> {
    const snapshot = await this.introspect(update.table);
    const columns = snapshot ? await tableColumns(this.driver, this.keyspace, update.table) : undefined;
    checkUpdate(update, snapshot, columns);
    const progress = new DataProgress(this.driver, this.keyspace, update);
    return updateRowsCassandra(this.driver, this.keyspace, columns, update, options, progress, { concurrency: this.#updateConcurrency }, snapshot?.fields ?? []);
  }

  async #historyOrEmpty() {
    try {
      return await this.history.list();
    } catch (error) {
      if (error instanceof Error && /unconfigured table|does not exist/i.test(error.message)) return []; // no history yet: nothing declared
      throw error;
    }
  }
}
