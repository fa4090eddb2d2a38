import { mysqlIdentifierProblem } from './quote.js';
import type { Capabilities, CollectionSnapshot, CompileContext, DataAdapter, Operation, ResolvedUpdate, Session, Step, StepOutcome, UpdateOptions, UpdateResult } from '@ductape/core';
import { type MysqlCompileSettings, type ServerVersion, parseServerVersion, unsupportedServer } from './mysql-compile-settings.js';
import { mysqlCapabilities } from './mysql-capabilities.js';
import { compileMysql } from './mysql-compiler.js';
import { MysqlConnectionError } from './mysql-connection-error.js';
import type { MysqlConnection, MysqlDriver } from './mysql-driver.js';
import type { MysqlStatementStep } from './compile/step.js';
import { checkConflicts } from './conflict-check.js';
import { detectCluster } from './cluster-detect.js';
import { executeStep } from './mysql-execute.js';
import { MysqlHistoryStore } from './mysql-history.js';
import { introspectTable } from './mysql-introspector.js';
import { referencingKeys } from './referencing-keys.js';
import { MysqlLockStore } from './mysql-lock.js';
import { type MysqlLogger, consoleLogger, silentLogger } from './mysql-logger.js';
import { type MysqlSession, connectionOf } from './mysql-session.js';
import { markWork } from './settle/work-marker.js';
import { updateRowsMysql } from './data/update-rows.js';

/** What a user passes to MysqlAdapter or MariadbAdapter (and the sdk's config `options`). */
export interface MysqlFamilyUserOptions {
  /** `mysql://user:password@host:3306/database` (or `mariadb://…`), or a settings object (`{ host, port, user, password, database, ssl, … }`). */
  readonly connection: string | { readonly [key: string]: unknown };
  /** Pool size (default 4). */
  readonly poolSize?: number;
  /** lock_wait_timeout of every session, in seconds (default 10): an ALTER never queues long behind a transaction. */
  readonly lockWaitTimeoutSeconds?: number;
  /** How often an ALTER that timed out on the metadata lock is retried (default 3). */
  readonly lockRetries?: number;
  /** Where table copies and retries are reported (default: console.warn); false for silence. */
  readonly logger?: MysqlLogger | false;
  /** Once the lock is taken, how long to wait for statements a dead runner's work session is still executing on the server before failing with DUCTAPE_LOCK_TIMEOUT (default 60000 ms). */
  readonly settleTimeoutMs?: number;
}

/** What a MySQL-family adapter is made of: a driver, a dialect, and how the server changes it. */
export interface MysqlFamilyOptions {
  /** 'mysql' or 'mariadb': the adapter's name in errors and plans. */
  readonly name: string;
  readonly driver: MysqlDriver;
  /** The dialect compiled for until connect() reads the server version. */
  readonly dialect: MysqlCompileSettings;
  /** The dialect for the connected server (MariaDB: native UUID from 10.7). Default: keep `dialect`. */
  readonly dialectFor?: (server: ServerVersion) => MysqlCompileSettings;
  /** Where table copies and retries are reported (default: console.warn); false for silence. */
  readonly logger?: MysqlLogger | false;
  /** How often an ALTER that timed out on the metadata lock is retried (default 3). */
  readonly lockRetries?: number;
  /** For messages: host:port/database, never a password. */
  readonly where: string;
  /** See MysqlFamilyUserOptions.settleTimeoutMs. */
  readonly settleTimeoutMs?: number;
}

/**
 * The adapter shared by @ductape/adapter-mysql (mysql2) and @ductape/adapter-mariadb (mariadb): compile (pure) for the dialect,
 * execute with online DDL fallbacks, introspection from information_schema, history in `_ductape_migrations`, GET_LOCK lock
 * (a replicated lease row with a fencing token on a Galera or group-replication cluster, detected at connect).
 * No transactional DDL: the engine records progress after every step and resumes a failed migration where it stopped.
 * @example
 * const adapter = new MysqlFamilyAdapter({ name: 'mysql', driver, dialect: MYSQL_DIALECT, where: 'db:3306/app' });
 * await adapter.connect();
 */
export class MysqlFamilyAdapter implements DataAdapter {
  readonly name: string;
  readonly history: MysqlHistoryStore;
  readonly lock: MysqlLockStore;
  readonly #driver: MysqlDriver;
  readonly #options: MysqlFamilyOptions;
  readonly #logger: MysqlLogger;
  #dialect: MysqlCompileSettings;
  #server: ServerVersion | undefined;

  constructor(options: MysqlFamilyOptions) {
    this.name = options.name;
    this.#options = options;
    this.#driver = options.driver;
    this.#dialect = options.dialect;
    this.#logger = options.logger === false ? silentLogger : (options.logger ?? consoleLogger);
    this.lock = new MysqlLockStore(this.#driver, options.settleTimeoutMs);
    this.history = new MysqlHistoryStore(this.#driver, this.lock);
  }

  get capabilities(): Capabilities {
    return mysqlCapabilities(this.#dialect);
  }

  /** The dialect compile uses now (after connect: the connected server's). */
  get dialect(): MysqlCompileSettings {
    return this.#dialect;
  }

  /** The connected server's version, after connect(). */
  get server(): ServerVersion | undefined {
    return this.#server;
  }

  /** Checks the server (version, database), fits the dialect to it; on a multi-writer cluster (GET_LOCK is node-local) the lock becomes a lease row. */
  async connect(): Promise<void> {
    const unreachable = (error: unknown): never => {
      throw new MysqlConnectionError(this.name, this.#options.where, error);
    };
    const [row] = await this.#read((c) => c.query('SELECT VERSION() AS version, DATABASE() AS db')).catch(unreachable);
    const [database, server] = [row?.db, parseServerVersion(String(row?.version))];
    const problem = unsupportedServer(server);
    if (problem) throw new MysqlConnectionError(this.name, this.#options.where, `${problem}; Ductape needs MySQL 8.0.16+ or MariaDB 10.5.2+`);
    if (typeof database !== 'string' || database === '') throw new MysqlConnectionError(this.name, this.#options.where, 'no database is selected');
    this.#server = server;
    this.#dialect = this.#options.dialectFor?.(server) ?? (server.mariadb ? { ...this.#dialect, jsonCheck: true } : this.#dialect);
    this.lock.setDatabase(database);
    this.lock.useCluster(await this.#read(detectCluster).catch(unreachable), this.#options.where);
  }

  async close(): Promise<void> {
    await this.lock.close();
    await this.#driver.close();
  }

  compile(op: Operation, ctx: CompileContext): Step[] {
    return compileMysql(op, ctx, this.#dialect);
  }

  async withSession<T>(_mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    const connection = await this.#driver.acquire();
    try {
      // Marked, so the next lock holder waits for a statement of ours a kill left running.
      const session: MysqlSession = { transactional: false, connection: markWork(connection) };
      return await fn(session);
    } finally {
      connection.release();
    }
  }

  async execute(step: Step, session: Session): Promise<StepOutcome | undefined> {
    if (step.kind !== 'noop') await this.lock.fence(connectionOf(session), `run the step "${step.summary}"`); // lease mode: fencing token
    return executeStep(step, connectionOf(session), { logger: this.#logger, lockRetries: this.#options.lockRetries ?? 3, dialect: this.#dialect });
  }

  async introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    // A name no table can have (e.g. with an emoji) names no table; asking information_schema
    // (utf8mb3) about it would only fail with a collation error.
    if (mysqlIdentifierProblem(collection)) return undefined;
    return this.#read((c) => introspectTable(c, collection, this.#server?.mariadb ?? this.#dialect.flavor === 'mariadb', this.#dialect.nativeUuid));
  }

  /**
   * The foreign keys of other tables of the database that reference `collection` (its references to itself left out), from information_schema.REFERENTIAL_CONSTRAINTS.
   * @example await adapter.referencingKeys('customers') // [{ collection: 'orders', name: 'orders_customerId_fkey' }]
   */
  async referencingKeys(collection: string): Promise<ReadonlyArray<{ readonly collection: string; readonly name: string }>> {
    if (mysqlIdentifierProblem(collection)) return [];
    return this.#read((c) => referencingKeys(c, collection));
  }

  /**
   * Before the engine writes anything: CHECK / foreign key pairs the server would refuse (errno 1901) on tables as they are now (probes marked `early`), so a refusal leaves no history row.
   * @example await adapter.preflight(steps, 'up') // throws CheckForeignKeyConflictError
   */
  async preflight(steps: readonly Step[]): Promise<void> {
    const early = steps.flatMap((s) => ((s as MysqlStatementStep).conflicts ?? []).filter((p) => p.early));
    if (early.length > 0) await this.#read((c) => checkConflicts(c, early));
  }

  /** db.update: keyset batches along the primary key, each committed with its progress row (see data/update-rows.ts). @example await adapter.updateRows(resolved, { batchSize: 5000 }) */
  async updateRows(update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult> {
    return updateRowsMysql(this.#driver, await this.introspect(update.table), update, options, this.name);
  }

  /** Runs `fn` on a pooled connection, released after. */
  async #read<T>(fn: (c: MysqlConnection) => Promise<T>): Promise<T> {
    const c = await this.#driver.acquire();
    try {
      return await fn(c);
    } finally {
      c.release();
    }
  }

  /** Drops every connection without releasing anything, as a killed process would (tests). */
  simulateCrash(): void {
    this.lock.destroy();
    this.#driver.destroy();
  }
}
