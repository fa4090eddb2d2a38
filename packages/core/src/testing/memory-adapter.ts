import type { Adapter, CompileContext, ReferencingKey } from '../adapter/adapter.js';
import type { Capabilities } from '../adapter/capabilities.js';
import type { Session } from '../adapter/session.js';
import type { Step } from '../adapter/step.js';
import { InvalidArgumentError, UnsupportedOperationError, ValidationError } from '../errors/errors.js';
import { optionsObject } from '../helpers/options-object.js';
import type { CollectionSnapshot, Operation } from '../model/operation.js';
import { operationModule } from '../ops/registry.js';
import { applyOperation, referencingKeysIn } from './memory-apply.js';
import { MemoryDatabase } from './memory-database.js';
import { MemoryHistoryStore } from './memory-history.js';
import { MemoryLockStore } from './memory-lock.js';

export interface MemoryAdapterOptions {
  /** Share one database between adapters to act like several processes on one server. */
  readonly database?: MemoryDatabase;
  /** Behave like PostgreSQL (true) or like MySQL/Cassandra (false, the default). */
  readonly transactionalDdl?: boolean;
  /** Override single capability flags, e.g. `{ renameField: false }`. */
  readonly capabilities?: Partial<Capabilities>;
}

/**
 * A complete adapter over a MemoryDatabase, for engine tests and examples. Its steps are
 * `command` steps named after the op; `raw('memory', { set, value } | { delete } | { fail })`.
 * @example
 * const adapter = new MemoryAdapter({ transactionalDdl: true });
 * adapter.failAtStep(2); // the second step executed from now throws
 */
export class MemoryAdapter implements Adapter {
  readonly name = 'memory';
  readonly capabilities: Capabilities;
  readonly database: MemoryDatabase;
  readonly history: MemoryHistoryStore;
  readonly lock: MemoryLockStore;
  /** Every step executed, in order. */
  readonly executed: Step[] = [];
  #failAt: { countdown: number; error: Error } | undefined;

  constructor(adapterOptions?: MemoryAdapterOptions) {
    const options = optionsObject(adapterOptions, 'memory adapter options');
    this.database = options.database ?? new MemoryDatabase();
    this.capabilities = {
      transactionalDdl: options.transactionalDdl ?? false,
      renameField: true,
      renameCollection: true,
      modifyField: true,
      dropField: true,
      foreignKeys: true,
      checkConstraints: true,
      uniqueConstraints: true,
      partialIndexes: true,
      unsignedIntegers: true,
      concurrentIndex: false,
      optionChanges: ['dynamoOptions'],
      rawDialects: ['memory'],
      ...options.capabilities,
    };
    this.history = new MemoryHistoryStore(this.database);
    this.lock = new MemoryLockStore(this.database);
  }

  async connect(): Promise<void> {}

  async close(): Promise<void> {}

  /** Makes the `n`-th step executed from now (1-based) throw `error`. */
  failAtStep(n: number, error?: Error): void {
    if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('the step number', 'an integer ≥ 1', n);
    // A plain Error, as a database driver's own failure would be (never a DuctapeError).
    this.#failAt = { countdown: n, error: error ?? new Error(`injected failure at step ${n}`) };
  }

  compile(op: Operation, _ctx: CompileContext): Step[] {
    if (op.type === 'raw' && !op.command) {
      throw new ValidationError('raw memory operation', [{ code: 'raw_needs_command', path: 'command', message: 'the memory adapter runs raw commands only: { set, value } | { delete } | { fail }' }]);
    }
    const main: Step = { kind: 'command', name: op.type, args: { op }, summary: summarize(op) };
    if (op.type !== 'createCollection') return [main];
    // Restoring a dropped table also restores its indexes and constraints, one step each.
    const { indexes = [], constraints = [], ...table } = op;
    return [
      { ...main, args: { op: table } },
      ...indexes.map(
        (index): Step => ({
          kind: 'command',
          name: 'createIndex',
          args: { op: { type: 'createIndex', collection: op.name, ...index } },
          summary: `createIndex ${index.name} on ${op.name}`,
          effects: [{ kind: 'index', collection: op.name, name: index.name, exists: true }],
        }),
      ),
      ...constraints.map(
        (constraint): Step => ({
          kind: 'command',
          name: 'addConstraint',
          args: { op: { type: 'addConstraint', collection: op.name, constraint } },
          summary: `addConstraint ${constraint.name} on ${op.name}`,
          effects: [{ kind: 'constraint', collection: op.name, name: constraint.name, exists: true }],
        }),
      ),
    ];
  }

  async withSession<T>(mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    const transactional = mode === 'transaction' && this.capabilities.transactionalDdl;
    if (!transactional) return fn({ transactional: false });
    const saved = this.database.snapshot();
    try {
      return await fn({ transactional: true });
    } catch (error) {
      this.database.restore(saved);
      throw error;
    }
  }

  async execute(step: Step, _session: Session): Promise<void> {
    this.database.ioCount++;
    await Promise.resolve();
    if (this.#failAt && --this.#failAt.countdown === 0) {
      const { error } = this.#failAt;
      this.#failAt = undefined;
      throw error;
    }
    if (step.kind !== 'command') throw new UnsupportedOperationError('memory', `a ${step.kind} step`, 'the memory adapter runs command steps only');
    applyOperation(this.database.state.collections, step.args.op as Operation, this.database.state.values);
    this.executed.push(step);
  }

  async introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    this.database.ioCount++;
    const c = this.database.state.collections.get(collection);
    return c ? structuredClone(c) : undefined;
  }

  async referencingKeys(collection: string): Promise<ReadonlyArray<ReferencingKey>> {
    this.database.ioCount++;
    return referencingKeysIn(this.database.state.collections, collection);
  }
}

function summarize(op: Operation): string {
  return operationModule(op)?.summary(op) as string;
}
