import { MigrationEngine } from '@ductape/core';
import { openAdapter } from './open-adapter.mjs';

/**
 * @typedef {ReturnType<typeof createContext>} SuiteContext
 */

/**
 * What every property of one database run shares: the namespace, a lazily opened adapter of the
 * parent process (closed before children open an embedded database), an engine, the row probe and
 * a seeded random source.
 * @example const ctx = createContext(ns, { seed: 42 });
 * @param {any} ns
 * @param {{ seed: number, quick?: boolean, log?: (line: string) => void }} options
 */
export function createContext(ns, options) {
  let adapter;
  let probe;
  let state = options.seed >>> 0 || 1;
  return {
    ns,
    seed: options.seed,
    quick: options.quick === true,
    log: options.log ?? (() => undefined),
    /** A connected adapter of this process. */
    async adapter() {
      adapter ??= await openAdapter(ns);
      return adapter;
    },
    /** An engine on the adapter (open it first with `await ctx.adapter()`). */
    engine(engineOptions = {}) {
      if (!adapter) throw new Error('open the adapter first');
      return new MigrationEngine(adapter, { lockTimeoutMs: 60_000, leaseMs: 3_000, ...engineOptions });
    },
    /** An engine on another adapter (e.g. the sdk's). */
    engineOn(other, engineOptions = {}) {
      return new MigrationEngine(other, { lockTimeoutMs: 60_000, leaseMs: 3_000, ...engineOptions });
    },
    /** Reads and writes user rows beside the adapter. */
    async probe() {
      probe ??= await ns.openProbe(await this.adapter());
      return probe;
    },
    /** Closes the probe and the adapter (an embedded database may then be opened by a child). */
    async closeAdapter() {
      const [p, a] = [probe, adapter];
      probe = undefined;
      adapter = undefined;
      await p?.close?.().catch(() => undefined);
      await a?.close().catch(() => undefined);
    },
    /** Seeded pseudo-random number in [0, 1) (mulberry32), so a failing run can be replayed. */
    random() {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}
