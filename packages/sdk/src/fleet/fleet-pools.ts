import type { ConnectionPool, ConnectionPoolFactory } from '@ductape/core';
import { importPackage } from '../adapters/load-adapter.js';

/**
 * The connection pools of one fleet run: one per adapter package that exports
 * `createConnectionPool` (the optional pool hook of the adapter contract), each holding at most
 * `max` (the run's concurrency) connections over every server and database of the run. A target
 * borrows one connection for its whole run. A package without the hook gets none: each of its
 * targets opens and closes its own connections, as a single database does.
 * @example
 * const pools = new FleetPools(4, process.cwd());
 * try { const pool = await pools.poolFor('@ductape/adapter-postgres'); } finally { await pools.close(); }
 */
export class FleetPools {
  readonly #made = new Map<string, Promise<ConnectionPool | undefined>>();

  constructor(
    readonly max: number,
    readonly cwd: string,
  ) {}

  /** The pool shared by the targets of `adapterPackage`, or undefined when the package has none. */
  poolFor(adapterPackage: string): Promise<ConnectionPool | undefined> {
    let pool = this.#made.get(adapterPackage);
    if (!pool) {
      pool = importPackage(adapterPackage, this.cwd).then(
        (mod) => {
          const create = (mod as { createConnectionPool?: ConnectionPoolFactory }).createConnectionPool;
          return typeof create === 'function' ? create({ max: this.max }) : undefined;
        },
        () => undefined, // a missing package is reported by loadAdapter, with what to install
      );
      this.#made.set(adapterPackage, pool);
    }
    return pool;
  }

  /** Closes every pool (after the run: no target holds a connection any more). */
  async close(): Promise<void> {
    const pools = await Promise.all(this.#made.values());
    this.#made.clear();
    await Promise.all(pools.map((p) => p?.close().catch(() => undefined)));
  }
}
