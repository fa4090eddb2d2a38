import type { MongoClient } from 'mongodb';
import {
  type Capabilities,
  type CollectionSnapshot,
  type CompileContext,
  type DataAdapter,
  InvalidArgumentError,
  type Operation,
  type ResolvedUpdate,
  type Session,
  type Step,
  type UpdateOptions,
  type UpdateResult,
  ValidationError,
} from '@ductape/core';
import { mongoCapabilities } from './mongo-capabilities.js';
import { type MongoCommandStep, StepNames } from './compile/step.js';
import { checkKeyPatterns } from './execute/check-key-patterns.js';
import { DEFAULT_SETTINGS, MONGODB_FEATURES, type MissingFeaturePolicy, type MongoCompileSettings, type ServerFeatures } from './mongo-compile-settings.js';
import { updateRowsMongo } from './data/update-rows.js';
import { type MongoLogger, runStep } from './execute/run-step.js';
import { compileMongo } from './mongo-compiler.js';
import { type OriginStep, collectionConflicts, collectionNamesOf } from './preflight/collection-walk.js';
import { liveCollections } from './preflight/live-collections.js';
import { MongoDriver, type MongoConnectionSettings } from './mongo-driver.js';
import { MongoHistoryStore } from './mongo-history.js';
import { introspectCollection } from './mongo-introspector.js';
import { MongoLeaseLock } from './mongo-lock.js';
import { probeFeatures } from './mongo-probe.js';
import { type MongoSession, asMongoSession } from './mongo-session.js';

export interface MongoAdapterOptions extends MongoConnectionSettings {
  /** What to do when the server lacks a feature an op needs (default 'error'; see README). */
  readonly onMissingFeature?: MissingFeaturePolicy;
  /** Probe the server's features at connect (default true). Off: assume `features` or full MongoDB. */
  readonly probe?: boolean;
  /** Feature flags to use instead of (or on top of) probing. */
  readonly features?: Partial<ServerFeatures>;
  /** Documents per batch of a field rename or unset (default 1000). */
  readonly batchSize?: number;
  /** Fill a new field's default into existing documents (default true). */
  readonly backfillDefaults?: boolean;
  /** Copy a dropped field's values aside first, so rolling the drop back restores them (default false). */
  readonly backupDroppedFields?: boolean;
  /** Where warnings go (default console). */
  readonly logger?: MongoLogger;
}

/**
 * The MongoDB adapter: `$jsonSchema` validators generated from the fields, indexes, batched
 * field rewrites, history in `_ductape_migrations`, a lease lock in `_ductape_lock`. Server
 * features are probed at connect; what the server lacks is refused at compile time or (with
 * `onMissingFeature: 'warn'`) skipped with a logged warning. DDL is not transactional on
 * MongoDB, so the engine records progress per step and resumes or compensates. Also a
 * DataAdapter: `db.update` runs through `updateRows`.
 *
 * @example
 * const adapter = new MongoAdapter({ url: 'mongodb://127.0.0.1:27017/app' });
 * await adapter.connect();
 * await new MigrationEngine(adapter).up(migration('create_users').createCollection('users', { _id: { type: 'uuid', primaryKey: true } }).build());
 */
export class MongoAdapter implements DataAdapter {
  readonly name = 'mongo';
  readonly driver: MongoDriver;
  readonly history: MongoHistoryStore;
  readonly lock: MongoLeaseLock;
  readonly #options: MongoAdapterOptions;
  readonly #logger: MongoLogger;
  #features: ServerFeatures;

  /** `client`: a client shared with other adapters (a fleet's MongoClientPool), never closed by close(). */
  constructor(options: MongoAdapterOptions, fallbackDatabase?: string, client?: MongoClient) {
    if (typeof options !== 'object' || options === null) throw new InvalidArgumentError('MongoAdapter options', '{ url, database? }', options);
    const policy = options.onMissingFeature ?? 'error';
    if (policy !== 'error' && policy !== 'warn') throw new InvalidArgumentError('onMissingFeature', '"error" or "warn"', policy);
    if (options.batchSize !== undefined && !(Number.isInteger(options.batchSize) && options.batchSize > 0)) throw new InvalidArgumentError('batchSize', 'a positive integer', options.batchSize);
    this.#options = options;
    this.#logger = options.logger ?? console;
    this.#features = { ...MONGODB_FEATURES, ...options.features };
    this.driver = new MongoDriver(options, fallbackDatabase, client);
    this.history = new MongoHistoryStore(this.driver);
    this.lock = new MongoLeaseLock(this.driver);
  }

  /** What the server supports: probed at connect, full MongoDB before. */
  get features(): ServerFeatures {
    return this.#features;
  }

  get capabilities(): Capabilities {
    return mongoCapabilities(this.#features);
  }

  /** The compile settings in force (features, policy, batch size). */
  get settings(): MongoCompileSettings {
    return {
      features: this.#features,
      onMissingFeature: this.#options.onMissingFeature ?? DEFAULT_SETTINGS.onMissingFeature,
      batchSize: this.#options.batchSize ?? DEFAULT_SETTINGS.batchSize,
      backfillDefaults: this.#options.backfillDefaults ?? DEFAULT_SETTINGS.backfillDefaults,
      backupDroppedFields: this.#options.backupDroppedFields ?? DEFAULT_SETTINGS.backupDroppedFields,
    };
  }

  async connect(): Promise<void> {
    await this.driver.connect();
    if (this.#options.probe === false) return;
    this.#features = { ...(await probeFeatures(this.driver)), ...this.#options.features };
  }

  async close(): Promise<void> {
    await this.driver.close();
  }

  /** See compileMongo; the steps that create or rename a collection also name their migration and op (for preflight's refusal). */
  compile(op: Operation, ctx: CompileContext): Step[] {
    const steps = compileMongo(op, ctx, this.settings);
    if (op.type !== 'createCollection' && op.type !== 'renameCollection') return steps;
    const origin = { migration: ctx.migration.name, path: `${ctx.direction}[${ctx.index}]` };
    return steps.map((s) => (s.kind === 'command' && (s.name === 'create' || s.name === StepNames.renameCollection) ? ({ ...s, origin } as OriginStep) : s));
  }

  /**
   * A driver session. Never a transaction: MongoDB cannot run collMod, drop or dropIndexes inside
   * one, so DDL is not transactional here (`transactionalDdl: false`) and the engine records
   * progress after every step. Transactions, where probed, are for data batches only.
   */
  async withSession<T>(_mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    const client = this.driver.client.startSession();
    try {
      const session: MongoSession = { transactional: false, client };
      return await fn(session);
    } finally {
      await client.endSession();
    }
  }

  async execute(step: Step, session: Session): Promise<void> {
    const s = asMongoSession(session);
    if (!s) throw new InvalidArgumentError('session', 'a session from this adapter’s withSession', session);
    await runStep(this.driver.db, step, s.client, this.#logger, this.#features);
  }

  /**
   * `db.update` data migrations: batches along `_id`, pipeline updates where the server has them,
   * else computed here per document (see data/update-rows.ts).
   */
  async updateRows(update: ResolvedUpdate, options: UpdateOptions): Promise<UpdateResult> {
    const fields = (await this.introspect(update.table))?.fields ?? [];
    return updateRowsMongo(this.driver.client, this.driver.db, this.#features, update, options ?? {}, fields);
  }

  /**
   * Before the engine writes anything (under the lock), so a refusal leaves no change and no
   * history row: a createCollection, or a renameCollection's target, whose name a live collection
   * (or view) holds at that point of the steps (ValidationError 'collection_exists'; MongoDB would
   * fail that step after the earlier ones ran) — unless an earlier op of the migration drops or
   * renames it away; and an index the migration adds on a key pattern the live collection already
   * indexes under another name ('duplicate_key_pattern'; the first step checks it again). Reads only.
   * @example await adapter.preflight(steps, 'up') // throws ValidationError 'collection_exists'
   */
  async preflight(steps: readonly Step[]): Promise<void> {
    const names = collectionNamesOf(steps);
    if (names.length > 0) {
      const issues = collectionConflicts(steps, await liveCollections(this.driver.db, names), this.driver.databaseName);
      if (issues.length > 0) {
        const migration = (steps as readonly OriginStep[]).map((s) => s.origin?.migration).find((m) => m !== undefined) ?? '(unnamed)';
        throw new ValidationError(`migration "${migration}" against the collections of database "${this.driver.databaseName}" (nothing was changed)`, issues);
      }
    }
    for (const s of steps as readonly MongoCommandStep[]) if (s.keyPatternCheck) await checkKeyPatterns(this.driver.db, s.keyPatternCheck, undefined);
  }

  introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    if (typeof collection !== 'string' || collection === '') throw new InvalidArgumentError('collection', 'a collection name', collection);
    return introspectCollection(this.driver.db, collection);
  }
}
