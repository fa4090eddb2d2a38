import type { Adapter, Capabilities, CollectionSnapshot, CompileContext, HistoryStore, LiveRead, LockStore, Operation, ReferencingKey, Session, Step, StepOutcome } from '@ductape/core';

/**
 * The adapter `db.getAdapter()` returns: it forwards to whatever the service is connected to
 * now, so an engine made once follows `db.connect()` to another environment (the spec's
 * multi-environment loop relies on this).
 */
export class CurrentAdapter implements Adapter {
  constructor(private readonly current: () => Adapter) {}

  get name(): string {
    return this.current().name;
  }

  get capabilities(): Capabilities {
    return this.current().capabilities;
  }

  get history(): HistoryStore {
    return this.current().history;
  }

  get lock(): LockStore {
    return this.current().lock;
  }

  /** The adapter connected now (for adapter-specific methods). */
  get target(): Adapter {
    return this.current();
  }

  connect(): Promise<void> {
    return this.current().connect();
  }

  close(): Promise<void> {
    return this.current().close();
  }

  compile(op: Operation, ctx: CompileContext): Step[] {
    return this.current().compile(op, ctx);
  }

  withSession<T>(mode: 'transaction' | 'autocommit', fn: (session: Session) => Promise<T>): Promise<T> {
    return this.current().withSession(mode, fn);
  }

  // biome-ignore lint/suspicious/noConfusingVoidType: adapters written before StepOutcome resolve to nothing (Promise<void>)
  execute(step: Step, session: Session): Promise<void | StepOutcome> {
    return this.current().execute(step, session);
  }

  introspect(collection: string): Promise<CollectionSnapshot | undefined> {
    return this.current().introspect(collection);
  }

  /** The target's live checks before a run, when it has them. */
  async preflight(steps: readonly Step[], direction: 'up' | 'down'): Promise<void> {
    await this.current().preflight?.(steps, direction);
  }

  /**
   * The target's one-read look at several collections and a preflight; where the target has none,
   * the same reads one at a time (introspect each; its preflight when the engine calls it).
   */
  async readLive(collections: readonly string[], check?: { readonly steps: readonly Step[]; readonly direction: 'up' | 'down' }): Promise<LiveRead> {
    const target = this.current();
    if (target.readLive) return target.readLive(collections, check);
    const read = new Map<string, CollectionSnapshot | undefined>();
    for (const name of collections) read.set(name, await target.introspect(name));
    return check ? { collections: read, preflight: async () => target.preflight?.(check.steps, check.direction) } : { collections: read };
  }

  /** The target's, or none when it cannot list them (a database without foreign keys). */
  async referencingKeys(collection: string): Promise<ReadonlyArray<ReferencingKey>> {
    const target = this.current();
    return target.referencingKeys ? target.referencingKeys(collection) : [];
  }
}
