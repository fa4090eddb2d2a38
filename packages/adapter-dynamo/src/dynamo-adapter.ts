import type { DynamoDBClient, DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';
import {
  type CollectionSnapshot,
  type CompileContext,
  type DataAdapter,
  type Operation,
  type ResolvedUpdate,
  type Session,
  type Step,
  type UpdateOptions,
  type UpdateResult,
  InvalidArgumentError,
} from '@ductape/core';
import { DataProgress } from './data/data-progress.js';
import { updateRowsDynamo } from './data/update-rows.js';
import { keyUsesOf, refuseKeyChanges } from './compile/key-renames.js';
import { SCAN_AND_UPDATE, type ScanUpdateArgs } from './compile/step.js';
import { DYNAMO_CAPABILITIES } from './dynamo-capabilities.js';
import { DynamoCompiler } from './dynamo-compiler.js';
import { type DynamoConnectionSettings, clientConfig } from './dynamo-connection.js';
import { DynamoDriver } from './dynamo-driver.js';
import { DynamoHistoryStore } from './dynamo-history.js';
import { DynamoIntrospector } from './dynamo-introspector.js';
import { isDynamoName } from './compile/names.js';
import { DynamoLockStore } from './dynamo-lock.js';
import { withDynamoSession } from './dynamo-session.js';
import { AWS_FEATURES, type DynamoFeatures, probeFeatures } from './dynamo-probe.js';
import { type DynamoAdapterOptions, type DynamoSettings, resolveSettings } from './dynamo-settings.js';
import { keyTypeLookup } from './execute/key-type-lookup.js';
import type { KeyTypeLookup } from './execute/resolve-types.js';
import { runCommand } from './execute/run-command.js';
import { runSetting } from './execute/run-setting.js';
import { scanAndUpdate } from './execute/scan-update.js';
import { waitUntilSettled } from './execute/wait.js';

/**
 * The DynamoDB adapter (AWS SDK v3). Compiles ops to DynamoDB commands (pure), runs them with
 * bounded waits, keeps history and the lease lock in `_ductape_migrations`, and runs data
 * migrations (`db.update`) in resumable, throttled Scan pages.
 * @example
 * const adapter = new DynamoAdapter('dynamodb://localhost:8000?region=us-east-1', { pollIntervalMs: 100 });
 * await new MigrationEngine(adapter).up(m);
 */
export class DynamoAdapter implements DataAdapter {
  readonly name = 'dynamodb';
  readonly capabilities = DYNAMO_CAPABILITIES;
  readonly settings: DynamoSettings;
  readonly driver: DynamoDriver;
  readonly history: DynamoHistoryStore;
  readonly lock: DynamoLockStore;
  readonly #compiler: DynamoCompiler;
  readonly #introspector: DynamoIntrospector;
  readonly #keyType: KeyTypeLookup;
  readonly #probe: boolean;
  readonly #assumed: Partial<DynamoFeatures>;

  /** `client`: a client shared with other adapters (a fleet's DynamoClientPool), never destroyed by close(). */
  constructor(connection: string | DynamoConnectionSettings | DynamoDBClientConfig, options?: DynamoAdapterOptions, client?: DynamoDBClient) {
    if (connection === undefined || connection === null) throw new InvalidArgumentError('the DynamoDB connection', 'a URL or { endpoint?, region?, credentials? }', connection);
    this.settings = resolveSettings(options ?? {});
    this.driver = new DynamoDriver(clientConfig(connection as DynamoConnectionSettings), client);
    this.#probe = options?.probe ?? true;
    this.#assumed = options?.features ?? {};
    this.#compiler = new DynamoCompiler(this.settings.tablePrefix, { ...AWS_FEATURES, ...this.#assumed });
    const historyTable = this.#compiler.tableName(this.settings.historyTable);
    this.history = new DynamoHistoryStore(this.driver, historyTable, this.settings);
    this.lock = new DynamoLockStore(this.driver, historyTable, () => this.history.ensure());
    this.#introspector = new DynamoIntrospector(
      this.driver,
      (c) => this.#compiler.tableName(c),
      this.history,
      (t) => waitUntilSettled(this.driver, t, this.settings),
      () => this.#compiler.features,
    );
    this.#keyType = keyTypeLookup(this.driver, this.history, (c) => this.#compiler.tableName(c));
  }

  /**
   * Checks that DynamoDB answers (DescribeTable of the history table; missing is fine), then
   * probes whether it is DynamoDB Local (see DynamoFeatures), unless `probe: false`.
   */
  async connect(): Promise<void> {
    await this.driver.describe(this.history.table);
    if (this.#probe) this.#compiler.features = { ...(await probeFeatures(this.driver)), ...this.#assumed };
  }

  /** What the adapter adapts to on this endpoint (known after connect). */
  get features(): DynamoFeatures {
    return this.#compiler.features;
  }

  async close(): Promise<void> {
    this.driver.close();
  }

  /** The DynamoDB table name of a collection (prefix applied). */
  tableName(collection: string): string {
    return this.#compiler.tableName(collection);
  }

  compile(op: Operation, ctx: CompileContext): Step[] {
    return this.#compiler.compile(op, ctx);
  }

  withSession<T>(_mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    return withDynamoSession(fn);
  }

  async execute(step: Step, _session: Session): Promise<void> {
    if (step.kind === 'noop') return;
    if (step.kind !== 'command') throw new InvalidArgumentError('the step', 'a DynamoDB command step', step.kind);
    if (step.name === SCAN_AND_UPDATE) await scanAndUpdate(this.driver, step, this.settings);
    else if ((step.args as { setting?: unknown }).setting) await runSetting(this.driver, step, this.settings);
    else await runCommand(this.driver, step, this.settings, this.#keyType);
    // No step counts as applied while its table or one of its indexes is still changing (on AWS
    // a CREATING or UPDATING table cannot be used yet): wait until it is settled, or gone.
    const table = tableOf(step);
    if (table !== undefined && step.name !== 'DeleteTable') await waitUntilSettled(this.driver, table, this.settings);
  }

  /**
   * Before the engine writes anything (under the lock): a renameField or dropField whose attribute
   * is a key of the live table — of a GSI made by an earlier migration or by hand, of an LSI, or of
   * the table — is refused with a ValidationError ('renames_index_key' / 'renames_table_key' /
   * 'drops_index_key' / 'drops_table_key'), so nothing is changed and no history row is written.
   * The steps are walked in order from DescribeTable, so a GSI the migration deletes before the
   * rename or drop is allowed. Reads only.
   * @example await adapter.preflight(steps, 'up') // throws ValidationError 'renames_index_key'
   */
  async preflight(steps: readonly Step[]): Promise<void> {
    const tables = new Set(
      steps.flatMap((s) => {
        if (s.kind !== 'command' || s.name !== SCAN_AND_UPDATE) return [];
        const args = s.args as unknown as ScanUpdateArgs;
        return args.rename || args.drop ? [args.TableName] : [];
      }),
    );
    if (tables.size === 0) return;
    const live = new Map<string, ReturnType<typeof keyUsesOf>>();
    for (const table of tables) live.set(table, keyUsesOf((await this.driver.describe(table)) ?? {}));
    refuseKeyChanges(steps, (table) => live.get(table) ?? []);
  }

  /** Waits until the table is settled (see DynamoIntrospector.introspect). */
  introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    // A name DynamoDB cannot hold names no table: nothing to describe (DescribeTable would throw).
    if (typeof collection === 'string' && !isDynamoName(this.tableName(collection))) return Promise.resolve(undefined);
    return this.#introspector.introspect(collection);
  }

  /** `db.update`: see updateRowsDynamo. Resumes after the last finished page when run again. */
  async updateRows(update: ResolvedUpdate, options: UpdateOptions = {}): Promise<UpdateResult> {
    const table = this.tableName(update.table);
    const progress = new DataProgress(this.driver, this.history.table, () => this.history.ensure(), { table, update });
    const fields = (await this.introspect(update.table))?.fields ?? [];
    return updateRowsDynamo(this.driver, table, update, options, progress, this.settings.maxWritesPerSecond, fields);
  }
}

// The table a command step works on: its input's TableName (a batch step's own TableName).
function tableOf(step: Step): string | undefined {
  if (step.kind !== 'command') return undefined;
  const args = step.args as { input?: { TableName?: unknown }; TableName?: unknown };
  const name = args.input?.TableName ?? args.TableName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
