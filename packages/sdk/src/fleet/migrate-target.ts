import { type Adapter, DuctapeError, type EngineOptions, ErrorCodes, type Migration, MigrationEngine, MigrationHelpers, type ProgressEvent, redactSecrets } from '@ductape/core';
import { loadAdapter } from '../adapters/load-adapter.js';
import type { FleetPools } from './fleet-pools.js';
import type { FleetTarget } from './fleet-target.js';

/** What the sdk tells an adapter about a fleet target (product: `fleet:<name>`, database: the target's name). */
export interface FleetContext {
  readonly fleet: string;
  readonly env: string;
  readonly cwd: string;
  /** Engine options of the DatabaseService (owner, lease…); lockTimeoutMs is set per pass. */
  readonly engine: EngineOptions;
  /** The run's shared connection pools (one per adapter package that has the pool hook); none: a connection set per target. */
  readonly pools?: FleetPools;
}

/** The migrations of a run with their checksums, computed once for every target. */
export interface FleetMigrations {
  readonly migrations: readonly Migration[];
  readonly checksums: ReadonlyMap<string, string>;
}

/**
 * Pairs each migration with its checksum (MigrationHelpers.checksum), once per run.
 * @example fleetMigrations([m1, m2]).checksums.get(m1.name)
 */
export function fleetMigrations(migrations: readonly Migration[]): FleetMigrations {
  return { migrations, checksums: new Map(migrations.map((m) => [m.name, MigrationHelpers.checksum(m)])) };
}

/** The outcome of one target's run: how many migrations it applied (0: it was up to date). */
export interface TargetOutcome {
  readonly applied: number;
  readonly upToDate: boolean;
}

/**
 * Connects to one target (`options.connect`, else adapter.connect(); and makes its history table
 * unless `ensureHistory: false`), runs `fn`
 * with its adapter and always closes it. With `ctx.pools`, the adapter borrows one connection of
 * its package's shared pool for the whole call and gives it back on close.
 * @example await withFleetTarget(target, ctx, (adapter) => new MigrationEngine(adapter).getHistory());
 */
export async function withFleetTarget<T>(
  target: FleetTarget,
  ctx: FleetContext,
  fn: (adapter: Adapter) => Promise<T>,
  options: { ensureHistory?: boolean; connect?: (adapter: Adapter) => Promise<void> } = {},
): Promise<T> {
  const pool = await ctx.pools?.poolFor(target.adapterPackage);
  const adapter = await loadAdapter(
    target.adapterPackage,
    {
      connection: target.connection,
      product: `fleet:${ctx.fleet}`,
      database: target.name,
      env: ctx.env,
      ...(target.options ? { options: target.options } : {}),
      ...(pool ? { pool } : {}),
    },
    ctx.cwd,
  );
  try {
    await (options.connect ? options.connect(adapter) : adapter.connect());
    if (options.ensureHistory !== false) await adapter.history.ensure();
    return await fn(adapter);
  } finally {
    await adapter.close().catch(() => undefined);
  }
}

/**
 * Brings one target up to date with the ordinary engine, under the target's own lock: its history
 * is read first and, when every migration is applied with the same checksum, nothing else is done
 * (no lock taken); otherwise `engine.upAll` applies the pending ones and resumes a failed one.
 * `lockTimeoutMs` is how long to wait for another runner's lock (DUCTAPE_LOCK_TIMEOUT after it).
 * @example await migrateTarget(target, ctx, fleetMigrations([m1, m2]), 1)
 */
export function migrateTarget(target: FleetTarget, ctx: FleetContext, wanted: FleetMigrations, lockTimeoutMs: number): Promise<TargetOutcome> {
  return withFleetTarget(target, ctx, async (adapter) => {
    let applied = 0;
    const onProgress = (e: ProgressEvent): void => {
      if (e.type === 'migration:done' && e.direction === 'up' && (e.outcome === 'applied' || e.outcome === 'resumed')) applied++;
    };
    const engine = new MigrationEngine(adapter, { ...ctx.engine, onProgress, lockTimeoutMs });
    const history = new Map((await engine.getHistory()).map((e) => [e.name, e]));
    const todo = wanted.migrations.filter((m) => {
      const e = history.get(m.name);
      return !(e && e.status === 'applied' && e.direction === 'up' && e.checksum === wanted.checksums.get(m.name));
    });
    if (todo.length === 0) return { applied: 0, upToDate: true };
    try {
      await engine.upAll(todo);
    } catch (error) {
      throw new TargetRunError(error, applied);
    }
    return { applied, upToDate: applied === 0 };
  });
}

/** A target's run failed after `applied` migrations went in (they stay applied). */
export class TargetRunError extends Error {
  constructor(
    readonly error: unknown,
    readonly applied: number,
  ) {
    super('a fleet target failed');
  }
}

/**
 * An error as `{ code, message }` for events and summaries, with the target's secrets removed.
 * @example failureOf(error, target) // { code: 'DUCTAPE_MIGRATION_FAILED', message: '…' }
 */
export function failureOf(thrown: unknown, target: FleetTarget): { code: string; message: string } {
  const error = thrown instanceof TargetRunError ? thrown.error : thrown;
  const code = error instanceof DuctapeError ? error.code : ErrorCodes.unexpected;
  const message = error instanceof Error ? error.message : String(error);
  return { code, message: redactSecrets(message.split(target.connection).join(target.name), target.secrets) };
}
