import { type Adapter, type EngineOptions, InvalidArgumentError, type Migration } from '@ductape/core';
import type { DuctapeConfig } from '../config/config-types.js';
import { discoverTargets } from './discover-targets.js';
import { listedTargets } from './listed-targets.js';
import { checkStatusOptions, checkUpOptions } from './fleet-options.js';
import { type FleetInspectOptions, type FleetInspection, checkInspectOptions, inspectTargets } from './fleet-inspect.js';
import { migrationsDirOf, readMigrationsDir } from './fleet-migrations-dir.js';
import { FleetPools } from './fleet-pools.js';
import { runFleet } from './fleet-runner.js';
import { statusGroups, statusLine } from './fleet-summary.js';
import { targetStatuses } from './fleet-status.js';
import type { FleetTarget } from './fleet-target.js';
import type { FleetStatus, FleetStatusOptions, FleetSummary, FleetUpOptions } from './fleet-types.js';
import type { FleetContext } from './migrate-target.js';
import { resolveFleet } from './resolve-fleet.js';

type FleetConfigFile = { file: string; value: DuctapeConfig } | undefined;

/** What a Fleet needs from its DatabaseService. */
export interface FleetHost {
  readonly cwd: string;
  readonly vars: NodeJS.ProcessEnv;
  readonly engine: EngineOptions;
  /** The config (from the options or the nearest file), or undefined when there is none. */
  loadConfig(): Promise<{ file: string; value: DuctapeConfig } | undefined>;
}

/**
 * A fleet of the config (`fleets.<name>`): many databases or schemas that get the same migrations.
 * Made by `db.fleet(name)`; nothing is read until `up` or `status`.
 * @example
 * const summary = await db.fleet('tenants').up({ env: 'prd', migrations: [m1, m2], concurrency: 8, canary: 5 });
 * for (const f of summary.failed) console.log(f.target, f.code, f.message);
 */
export class Fleet {
  readonly #host: FleetHost;

  constructor(
    readonly name: string,
    host: FleetHost,
  ) {
    this.#host = host;
    if (typeof name !== 'string' || name === '') throw new InvalidArgumentError('the fleet name', "the name of a fleet in the config's fleets section, e.g. db.fleet('tenants')", name);
  }

  /**
   * Brings every target of the fleet in `env` up to date with `migrations` (see FleetUpOptions):
   * each target by the ordinary engine under its own lock, so runners on several machines share a
   * fleet; a failed target is reported in `summary.failed` and resumed by the next `up`. Options
   * and config are checked before any IO; a target's failure never throws.
   * @example const { failed } = await db.fleet('tenants').up({ env: 'prd', migrations, onEvent: (e) => console.log(e.type, e.target) });
   */
  async up(options: FleetUpOptions): Promise<FleetSummary> {
    const o = checkUpOptions(options, this.name);
    const config = await this.#host.loadConfig();
    const { migrations, drafts } = await this.#migrations(o.migrations, config);
    const summary = await this.#withTargets(config, o.env, o.concurrency, (targets, ctx) => runFleet(this.name, targets, { ...o, migrations }, ctx));
    return drafts ? { ...summary, skippedDrafts: drafts } : summary;
  }

  /**
   * Counts, per target, the given migrations applied, pending and failed (history read only, no
   * lock), and groups the targets: "18 up to date, 2 pending 20261201_x, 1 failed add_y".
   * @example console.log((await db.fleet('tenants').status({ env: 'prd', migrations })).summary);
   */
  async status(options: FleetStatusOptions): Promise<FleetStatus> {
    const o = checkStatusOptions(options, this.name);
    const config = await this.#host.loadConfig();
    const { migrations } = await this.#migrations(o.migrations, config);
    const rows = await this.#withTargets(config, o.env, o.concurrency, (targets, ctx) => targetStatuses(targets, { ...o, migrations }, ctx));
    const groups = statusGroups(rows);
    return { fleet: this.name, env: o.env, targets: rows, groups, summary: statusLine(groups) };
  }

  /**
   * Runs a read-only `check` on every target (or `sample` of them, at random) with its connected
   * adapter — e.g. the CLI's `drift --fleet` — at most `concurrency` at once, no lock taken; a
   * target that fails gets an `error` row, the others go on. Options are checked before any IO.
   * @example
   * const { rows } = await db.fleet('tenants').inspect({ env: 'prd', sample: 20 }, (adapter) => adapter.introspect('users'));
   */
  async inspect<T>(options: FleetInspectOptions, check: (adapter: Adapter, target: { readonly name: string }) => Promise<T>): Promise<FleetInspection<T>> {
    const o = checkInspectOptions(options, check, this.name);
    let total = 0;
    const { rows, sampled } = await this.#withTargets(await this.#host.loadConfig(), o.env, o.concurrency, (targets, ctx) => {
      total = targets.length;
      return inspectTargets(targets, o, ctx, check);
    });
    return { fleet: this.name, env: o.env, targets: total, sampled, rows };
  }

  /** The given migrations, or those of the project's migrations directory (with the drafts left out). */
  async #migrations(given: readonly Migration[] | undefined, config: FleetConfigFile): Promise<{ migrations: readonly Migration[]; drafts?: readonly string[] }> {
    if (given) return { migrations: given };
    const read = await readMigrationsDir(migrationsDirOf(config, this.#host.cwd), this.#host.cwd);
    return { migrations: read.migrations, drafts: read.drafts };
  }

  /** Resolves (or discovers) the targets, runs `fn` with them and the run's shared pools, closes the pools. */
  async #withTargets<T>(config: FleetConfigFile, env: string, concurrency: number, fn: (targets: readonly FleetTarget[], ctx: FleetContext) => Promise<T>): Promise<T> {
    const resolved = resolveFleet(this.name, env, config, this.#host.vars);
    const pools = new FleetPools(concurrency, this.#host.cwd);
    const ctx: FleetContext = { fleet: this.name, env, cwd: this.#host.cwd, engine: this.#host.engine, pools };
    try {
      const targets = resolved.kind === 'targets' ? resolved.targets : resolved.kind === 'discover' ? await discoverTargets(resolved, ctx) : await listedTargets(resolved, this.name, env);
      return await fn(targets, ctx);
    } finally {
      await pools.close();
    }
  }
}
