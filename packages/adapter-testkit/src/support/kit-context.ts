import { DuctapeError, ErrorCodes, MigrationEngine, type Adapter, type CollectionSnapshot, type EngineOptions, type Migration } from '@ductape/core';
import type { ConformanceTarget } from '../conformance-target.js';

/** What every check of the suite shares: the target, a primary adapter, and helpers. */
export class KitContext {
  readonly #open: Adapter[] = [];
  #primary: Adapter | undefined;
  #target: ConformanceTarget | undefined;

  get target(): ConformanceTarget {
    if (!this.#target) throw notReady('target');
    return this.#target;
  }

  get adapter(): Adapter {
    if (!this.#primary) throw notReady('adapter');
    return this.#primary;
  }

  async start(target: ConformanceTarget): Promise<void> {
    this.#target = target;
    this.#primary = await this.open();
  }

  /** A new connected adapter on the same database, closed at the end of the suite. */
  async open(): Promise<Adapter> {
    const adapter = await this.target.newAdapter();
    await adapter.connect();
    this.#open.push(adapter);
    return adapter;
  }

  engine(options: EngineOptions = {}, adapter: Adapter = this.adapter): MigrationEngine {
    return new MigrationEngine(adapter, { lockTimeoutMs: 10_000, ...options });
  }

  /** Applies `m` with the primary adapter and returns the introspection of `tables` after it. */
  async apply(m: Migration): Promise<void> {
    await this.engine().up(m);
  }

  async snapshot(table: string): Promise<CollectionSnapshot | undefined> {
    return this.adapter.introspect(table);
  }

  async stop(): Promise<void> {
    for (const a of this.#open.splice(0)) await a.close().catch(() => undefined);
    await this.#target?.teardown?.();
  }
}

// A check ran although the suite's start failed: the factory's own error is reported above.
function notReady(what: 'target' | 'adapter'): DuctapeError {
  return new DuctapeError(ErrorCodes.notConnected, `the conformance ${what} is not ready (its factory failed?)`, "fix the error the target's factory or connect() threw, reported first by this suite");
}
