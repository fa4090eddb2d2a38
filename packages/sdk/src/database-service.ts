import { type Adapter, type EngineOptions, InvalidArgumentError, MigrationEngine, type UpdateOptions, type UpdateRequest, type UpdateResult, redactSecrets } from '@ductape/core';
import { updateRows } from './data/update-rows.js';
import { CurrentAdapter } from './adapters/current-adapter.js';
import { loadAdapter } from './adapters/load-adapter.js';
import type { DuctapeConfig } from './config/config-types.js';
import { findConfigFile } from './config/find-config.js';
import { loadConfigFile } from './config/load-config.js';
import { checkConnectTarget } from './config/check-connect-target.js';
import { resolveTarget } from './config/resolve-target.js';
import { validateConfig } from './config/validate-config.js';
import { Fleet } from './fleet/fleet.js';
import { NotConnectedError } from './errors.js';
import { SchemaApi } from './schema/schema-api.js';

export interface ConnectOptions {
  readonly env: string;
  readonly product: string;
  readonly database: string;
}

export interface DatabaseServiceOptions {
  /** Where to look for ductape.config.* and keep the embedded database (default process.cwd()). */
  readonly cwd?: string;
  /** The config, instead of a file. */
  readonly config?: DuctapeConfig;
  /** Environment variables to read (default process.env). */
  readonly vars?: NodeJS.ProcessEnv;
  /** Options of the engine behind db.schema (lock timeout, lease, progress). */
  readonly engine?: EngineOptions;
}

/**
 * The entry point of the spec: connect to a product's database in an environment, then change
 * its schema with `db.schema.*` — every change is a tracked, reversible migration.
 * @example
 * const db = new DatabaseService();
 * await db.connect({ env: 'dev', product: 'my-app', database: 'main-db' });
 * const { migration } = await db.schema.create('users', { id: { type: 'uuid', primaryKey: true } });
 */
export class DatabaseService {
  readonly schema: SchemaApi;
  readonly #options: DatabaseServiceOptions;
  readonly #proxy: CurrentAdapter;
  #adapter: Adapter | undefined;
  #engine: MigrationEngine | undefined;
  #target: ConnectOptions | undefined;
  #failedConnect: string | undefined;

  constructor(options: DatabaseServiceOptions = {}) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('DatabaseService options', 'an object', options);
    this.#options = options;
    this.#proxy = new CurrentAdapter(() => this.#connected('the adapter of db.getAdapter() (and every engine made from it)'));
    this.schema = new SchemaApi({
      adapter: () => this.#connected('db.schema'),
      engine: () => (this.#engine ??= new MigrationEngine(this.#proxy, this.#options.engine)),
      env: () => this.#target?.env ?? '',
      vars: this.#vars,
    });
  }

  /**
   * Connects to `database` of `product` in `env`, closing any previous connection. A connect()
   * that fails leaves the service disconnected (never on the previous environment): every later
   * call is refused with DUCTAPE_NOT_CONNECTED until a connect() succeeds.
   */
  async connect(target: ConnectOptions): Promise<void> {
    const previous = this.#adapter;
    let adapter: Adapter;
    try {
      adapter = await this.#open(target);
    } catch (error) {
      this.#adapter = undefined;
      this.#target = undefined;
      this.#failedConnect = describeTarget(target);
      await previous?.close().catch(() => undefined);
      throw error;
    }
    this.#adapter = adapter;
    this.#target = { env: target.env, product: target.product, database: target.database };
    this.#failedConnect = undefined;
    await previous?.close().catch(() => undefined);
  }

  async #open(target: ConnectOptions): Promise<Adapter> {
    checkConnectTarget(target);
    const cwd = this.#options.cwd ?? process.cwd();
    const config = await this.#loadConfig();
    const resolved = resolveTarget(target, config, this.#vars, cwd);
    const adapter = await loadAdapter(resolved.adapterPackage, { ...target, connection: resolved.connection, ...(resolved.options ? { options: resolved.options } : {}) }, cwd);
    try {
      await adapter.connect();
      await adapter.history.ensure();
    } catch (error) {
      await adapter.close().catch(() => undefined);
      throw withSource(error, resolved.source);
    }
    return adapter;
  }

  /**
   * A data migration: sets `data` on every row matching `where`, in batches along the primary
   * key. Inside an operator a string naming a column is that column, any other string is text
   * (`$col` / `$literal` force either); a plain top-level value is a literal. `{ dryRun: true }`
   * changes nothing and returns the rows it would update and the statements; `maxLockMs` (default
   * 200) shrinks batches that take longer; `onProgress` gets rowsDone / total / rowsPerSecond / etaMs
   * after every batch.
   * @example await db.update({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } });
   */
  async update(request: UpdateRequest, options: UpdateOptions = {}): Promise<UpdateResult> {
    return updateRows(this.#connected('db.update'), request, options ?? {});
  }

  /** The connected adapter; an engine made from it follows later `connect()` calls. */
  getAdapter(): Adapter {
    this.#connected('db.getAdapter()');
    return this.#proxy;
  }

  /** Closes the connection (and forgets a failed connect()). */
  async disconnect(): Promise<void> {
    const adapter = this.#adapter;
    this.#adapter = undefined;
    this.#target = undefined;
    this.#failedConnect = undefined;
    await adapter?.close();
  }

  /**
   * A fleet of the config (`fleets.<name>`): many tenant databases or schemas migrated alike, each
   * under its own lock. Independent of connect(); nothing is read until `up` or `status`.
   * @example
   * const summary = await db.fleet('tenants').up({ env: 'prd', migrations: [m1, m2], concurrency: 8, canary: 5 });
   * console.log(summary.done, summary.upToDate, summary.failed);
   */
  fleet(name: string): Fleet {
    return new Fleet(name, {
      cwd: this.#options.cwd ?? process.cwd(),
      vars: this.#vars,
      engine: this.#options.engine ?? {},
      // A config passed in code is checked here as a file is when loaded (connect() takes it as given).
      loadConfig: async () => {
        const config = await this.#loadConfig();
        return config && this.#options.config ? { ...config, value: validateConfig(config.value, config.file) } : config;
      },
    });
  }

  async #loadConfig(): Promise<{ file: string; value: DuctapeConfig } | undefined> {
    if (this.#options.config) return { file: 'the config passed to DatabaseService', value: this.#options.config };
    const file = findConfigFile(this.#options.cwd ?? process.cwd());
    return file ? { file, value: await loadConfigFile(file) } : undefined;
  }

  get #vars(): NodeJS.ProcessEnv {
    return this.#options.vars ?? process.env;
  }

  #connected(what: string): Adapter {
    if (!this.#adapter) throw new NotConnectedError(what, this.#failedConnect);
    return this.#adapter;
  }
}

function describeTarget(target: unknown): string {
  const t = (typeof target === 'object' && target !== null ? target : {}) as Record<string, unknown>;
  const parts = (['env', 'product', 'database'] as const).filter((k) => typeof t[k] === 'string' && t[k] !== '').map((k) => `${k}: ${JSON.stringify(t[k])}`);
  return `connect({ ${parts.join(', ')} })`.replace('{  }', '{}');
}

function withSource(error: unknown, source: string): unknown {
  if (error instanceof Error) error.message = `${redactSecrets(error.message)} (connecting with ${source})`;
  return error;
}
