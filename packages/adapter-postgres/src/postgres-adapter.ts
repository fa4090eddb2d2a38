import {
  InvalidArgumentError,
  UnsupportedOperationError,
  type Adapter,
  type Capabilities,
  type CollectionSnapshot,
  type CompileContext,
  type LiveRead,
  type LockStore,
  type Operation,
  type ReferencingKey,
  type Session,
  type Step,
  type StepOutcome,
} from '@ductape/core';
import type { PostgresCompileSettings } from './postgres-compile-settings.js';
import type { PostgresStatementStep } from './compile/step.js';
import { runWithLockRetry } from './lock-retry.js';
import { PGliteDriver, type PGliteDriverOptions } from './pglite-driver.js';
import { PgDriver } from './pg-driver.js';
import { postgresCapabilities } from './postgres-capabilities.js';
import { compilePostgres } from './postgres-compiler.js';
import type { PostgresDriver, Queryable } from './postgres-driver.js';
import { PostgresHistoryStore } from './postgres-history.js';
import { referencingKeysOf } from './introspect/referencing-keys.js';
import { refuseConflicts } from './preflight/refuse-conflicts.js';
import { refuseMissingExtensions } from './preflight/required-extensions.js';
import { relationNamesOf } from './preflight/relation-walk.js';
import { introspectTable, readLiveSchema } from './introspect/live-read.js';
import { PostgresLeaseLock } from './postgres-lease-lock.js';
import { DEFAULT_SETTLE_TIMEOUT_MS, PostgresAdvisoryLock } from './postgres-lock.js';
import { type PostgresSession, asPostgresSession } from './postgres-session.js';
import { stepOutcome } from './notices.js';
import { pgIdentifierProblem, qualify } from './quote.js';
import { UNMARK_WORK_SQL, markWorkSql } from './settle/work-marker.js';
import { schemaFirstSql, withSchemaFirst } from './search-path.js';

export interface PostgresAdapterOptions {
  /** A PostgreSQL server: postgres://user:password@host:port/database */
  readonly url?: string;
  /** Embedded PGlite instead of a server: a data directory, 'memory://', or a shared instance. */
  readonly pglite?: PGliteDriverOptions;
  /** Any other driver (e.g. a test double of the driver, never of the database). */
  readonly driver?: PostgresDriver;
  /** Schema of the migrated tables, the history table and the lock key (default 'public'). */
  readonly schema?: string;
  /** Online-safe DDL on existing tables (default true); a run may override with compileOptions. */
  readonly online?: boolean;
  /** `lock_timeout` for DDL, in ms (default 5000). */
  readonly lockTimeoutMs?: number;
  /** Attempts of a DDL statement whose lock_timeout fired (default 3). */
  readonly lockRetries?: number;
  /**
   * Once the lock is taken, how long to wait for statements a dead runner's work session is still
   * executing on the server before failing with DUCTAPE_LOCK_TIMEOUT (default 60000 ms; server only).
   */
  readonly settleTimeoutMs?: number;
}

/**
 * The PostgreSQL adapter: one compiler, two drivers (`pg` for a server, PGlite embedded).
 * Transactional DDL; CREATE INDEX CONCURRENTLY and VALIDATE CONSTRAINT run outside the
 * transaction with progress recorded; history in `_ductape_migrations`; the lock is an advisory
 * lock on its own connection (a lease row on PGlite, which has a single session).
 *
 * @example
 * const adapter = new PostgresAdapter({ url: process.env.DATABASE_URL });
 * await adapter.connect();
 * const engine = new MigrationEngine(adapter);
 * await engine.up(migration('create_users').createCollection('users', { id: { type: 'uuid', primaryKey: true } }).build());
 *
 * @example
 * const embedded = new PostgresAdapter({ pglite: { dataDir: './.ductape/pg' } });
 */
export class PostgresAdapter implements Adapter {
  readonly name = 'postgres';
  readonly capabilities: Capabilities;
  readonly history: PostgresHistoryStore;
  readonly lock: LockStore;
  readonly driver: PostgresDriver;
  readonly schema: string;
  readonly #settings: Partial<PostgresCompileSettings>;
  readonly #lockTimeoutMs: number;
  readonly #lockRetries: number;

  constructor(options: PostgresAdapterOptions) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('PostgresAdapter options', '{ url } or { pglite }', options);
    const given = [options.url, options.pglite, options.driver].filter((x) => x !== undefined).length;
    if (given !== 1) throw new InvalidArgumentError('PostgresAdapter options', 'exactly one of url, pglite or driver', options.url === undefined ? options : '(a url and more)');
    if (options.url !== undefined && typeof options.url !== 'string') throw new InvalidArgumentError('url', 'a postgres:// connection string', typeof options.url);
    this.schema = options.schema ?? 'public';
    const problem = pgIdentifierProblem(this.schema);
    if (problem) throw new InvalidArgumentError('schema', `a schema name (${problem})`, this.schema);
    this.#lockTimeoutMs = options.lockTimeoutMs ?? 5000;
    if (!(this.#lockTimeoutMs > 0)) throw new InvalidArgumentError('lockTimeoutMs', 'a positive number of ms', options.lockTimeoutMs);
    this.#lockRetries = options.lockRetries ?? 3;
    const settleTimeoutMs = options.settleTimeoutMs ?? DEFAULT_SETTLE_TIMEOUT_MS;
    if (!(settleTimeoutMs >= 0)) throw new InvalidArgumentError('settleTimeoutMs', 'a number of ms (0 or more)', options.settleTimeoutMs);
    this.driver = options.driver ?? (options.url !== undefined ? new PgDriver({ url: options.url }) : new PGliteDriver(options.pglite));
    const server = this.driver.kind === 'pg';
    // PGlite has one session: nothing writes concurrently, and it cannot build indexes CONCURRENTLY.
    this.#settings = { schema: this.schema, lockTimeoutMs: this.#lockTimeoutMs, online: options.online ?? server };
    this.capabilities = postgresCapabilities(server);
    this.history = new PostgresHistoryStore(this.driver, this.schema);
    this.lock = server ? new PostgresAdvisoryLock(this.driver, this.schema, settleTimeoutMs) : new PostgresLeaseLock(this.driver, this.schema);
  }

  async connect(): Promise<void> {
    await this.driver.connect();
  }

  async close(): Promise<void> {
    if (this.lock instanceof PostgresAdvisoryLock) await this.lock.close();
    await this.driver.close();
  }

  compile(op: Operation, ctx: CompileContext): Step[] {
    return compilePostgres(op, ctx, this.#settings);
  }

  /**
   * A work session. On a server its connection is marked (application_name 'ductape work') while
   * it works, so the next lock holder can wait for what a killed runner left running.
   */
  withSession<T>(mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    const lockTimeoutMs = this.#lockTimeoutMs;
    const mark = this.driver.kind === 'pg';
    const schema = this.schema;
    if (mode === 'transaction') {
      // One round trip with the BEGIN: lock_timeout, the work mark and the schema first on search_path.
      const begin = [`SET LOCAL lock_timeout = ${Math.round(lockTimeoutMs)}`, mark ? markWorkSql(true, schema) : undefined, schemaFirstSql(schema, true)].filter((x) => x !== undefined).join('; ');
      return this.driver.transaction((db) => fn(session(true, db, lockTimeoutMs)), begin);
    }
    return this.driver.connection(async (db) => {
      if (!mark) return withSchemaFirst(db, schema, () => fn(session(false, db, lockTimeoutMs)));
      await db.query(markWorkSql(false, schema));
      try {
        return await withSchemaFirst(db, schema, () => fn(session(false, db, lockTimeoutMs)));
      } finally {
        await db.query(UNMARK_WORK_SQL).catch(() => undefined);
      }
    });
  }

  /** Runs one step; resolves to the notices and warnings the server sent about it, which the engine shows and records with the step. */
  async execute(step: Step, session: Session): Promise<StepOutcome | undefined> {
    const s = asPostgresSession(session);
    if (!s) throw new InvalidArgumentError('session', 'a session from this adapter’s withSession', session);
    if (step.kind === 'command') throw new UnsupportedOperationError(this.name, `the command "${step.name}"`, 'PostgreSQL steps are SQL statements');
    if (step.kind === 'noop') return undefined;
    const st = step as PostgresStatementStep;
    // A caller that runs an outside-transaction step inside one (core's compensate does) gets its blocking form.
    const text = s.transactional && st.outsideTransaction && st.inTransactionText !== undefined ? st.inTransactionText : st.text;
    if (st.replacesInvalidIndex) await this.#dropInvalidIndex(s, st.replacesInvalidIndex.schema, st.replacesInvalidIndex.name);
    s.db.takeNotices?.(); // what earlier statements left on this connection is not this step's
    if (st.lockRetry && (st.params ?? []).length === 0) await runWithLockRetry(s, text, this.#lockRetries);
    else await s.db.query(text, st.params);
    return stepOutcome(s.db.takeNotices?.() ?? []);
  }

  introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    if (typeof collection !== 'string') throw new InvalidArgumentError('collection', 'a table name', collection);
    return introspectTable(this.driver, this.schema, collection);
  }

  /**
   * The foreign keys of other tables in this adapter's schema that reference `collection` (its
   * self-references left out), so core can drop them explicitly before a dropCollection and the
   * down restores them.
   * @example await adapter.referencingKeys('users') // [{ collection: 'orders', name: 'orders_userId_fkey' }]
   */
  referencingKeys(collection: string): Promise<ReadonlyArray<ReferencingKey>> {
    if (typeof collection !== 'string') throw new InvalidArgumentError('collection', 'a table name', collection);
    return referencingKeysOf(this.driver, this.schema, collection);
  }

  /**
   * Before the engine writes anything: refuses a migration whose steps use an extension's type that
   * pg_extension lacks (ValidationError 'missing_extension'), or whose step would create an index, a
   * UNIQUE or PRIMARY KEY constraint or a table, or rename one, to a name another relation of the
   * schema holds at that point ('relation_exists': PostgreSQL names them per schema, and would fail
   * that step after the earlier ones ran). Replays the relation names the compiled steps create,
   * free and rename over a read of pg_class (details only when some exist). Reads only.
   * @example await adapter.preflight(steps, 'up') // throws ValidationError 'relation_exists'
   */
  async preflight(steps: readonly Step[]): Promise<void> {
    await refuseMissingExtensions(this.driver, steps);
    const names = relationNamesOf(steps);
    if (names.length === 0) return;
    refuseConflicts(steps, (await readLiveSchema(this.driver, this.schema, [], names)).relations, this.schema);
  }

  /**
   * The tables `collections` (as introspect reads each) and, with `check`, the relations its steps'
   * preflight needs, in one statement returning JSON (a second only for new names found taken:
   * readLiveSchema); `preflight` then refuses as preflight would, from that read. Nothing is kept.
   * @example const live = await adapter.readLive(['users'], { steps, direction: 'up' }); await live.preflight?.();
   */
  async readLive(collections: readonly string[], check?: { readonly steps: readonly Step[]; readonly direction: 'up' | 'down' }): Promise<LiveRead> {
    if (!Array.isArray(collections) || collections.some((c) => typeof c !== 'string')) throw new InvalidArgumentError('collections', 'an array of table names', collections);
    const names = check ? relationNamesOf(check.steps) : [];
    // A table the steps create (or rename to) is probably new: probed; the others read in full at once.
    const read = await readLiveSchema(
      this.driver,
      this.schema,
      collections,
      names,
      collections.filter((c) => !names.includes(c)),
    );
    if (!check) return { collections: read.collections };
    const preflight = async (): Promise<void> => refuseMissingExtensions(this.driver, check.steps, () => refuseConflicts(check.steps, read.relations, this.schema));
    return { collections: read.collections, preflight };
  }

  /** Drops the lock connection without releasing, as a killed process would (for tests). */
  simulateCrash(): void {
    if (this.lock instanceof PostgresAdvisoryLock) this.lock.crash();
  }

  async #dropInvalidIndex(s: PostgresSession, schema: string, name: string): Promise<void> {
    const r = await s.db.query(
      `SELECT NOT ix.indisvalid AS invalid FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_namespace n ON n.oid = i.relnamespace
       WHERE n.nspname = $1 AND i.relname = $2`,
      [schema, name],
    );
    if (r.rows[0]?.invalid !== true) return;
    await s.db.query(`DROP INDEX ${s.transactional ? '' : 'CONCURRENTLY '}IF EXISTS ${qualify(schema, name)}`);
  }
}

function session(transactional: boolean, db: Queryable, lockTimeoutMs: number): PostgresSession {
  return { transactional, db, lockTimeoutMs };
}
