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
  /** The clock of the run's pace (migrations/s, ETA); default Date.now. */
  readonly now?: () => number;
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
 * What the previous target of a run needed, shared by a run's targets: when it had work, the next
 * target most likely has too (a new migration rolled out over the fleet), so its lock is taken
 * first and its history read once, under the lock; when it was up to date (a re-run), the next
 * one's history is read first without the lock, and the lock taken only if it has work.
 */
export interface WorkGuess {
  lastHadWork: boolean;
}

/**
 * Brings one target up to date with the ordinary engine, under the target's own lock. Unless
 * `guess` says the previous target had work, its history is read first and, when every migration
 * is applied with the same checksum, nothing else is done (no lock taken); otherwise
 * `engine.upAll` takes the lock, reads the history again (the read that counts) and applies the
 * pending ones, resuming a failed one. After a target that had work, `engine.upAll` runs at once
 * with every migration (applied ones are skipped by their checksum): one history read, not two.
 * `lockTimeoutMs` is how long to wait for another runner's lock (DUCTAPE_LOCK_TIMEOUT after it).
 * @example await migrateTarget(target, ctx, fleetMigrations([m1, m2]), 1, { lastHadWork: false })
 */
export function migrateTarget(target: FleetTarget, ctx: FleetContext, wanted: FleetMigrations, lockTimeoutMs: number, guess: WorkGuess = { lastHadWork: false }): Promise<TargetOutcome> {
  return withFleetTarget(target, ctx, async (adapter) => {
    let applied = 0;
    const onProgress = (e: ProgressEvent): void => {
      if (e.type === 'migration:done' && e.direction === 'up' && (e.outcome === 'applied' || e.outcome === 'resumed')) applied++;
    };
    const engine = new MigrationEngine(adapter, { ...ctx.engine, onProgress, lockTimeoutMs });
    let todo = wanted.migrations;
    if (!guess.lastHadWork) {
      // Rows without the migration bodies: status and checksums are all this check needs.
      const history = new Map((await engine.getHistoryRows()).map((e) => [e.name, e]));
      todo = wanted.migrations.filter((m) => {
        const e = history.get(m.name);
        return !(e && e.status === 'applied' && e.direction === 'up' && e.checksum === wanted.checksums.get(m.name));
      });
      if (todo.length === 0) return { applied: 0, upToDate: true };
    }
    try {
      await engine.upAll(todo);
    } catch (error) {
      if (!(error instanceof DuctapeError && error.code === ErrorCodes.lockTimeout)) guess.lastHadWork = true;
      throw new TargetRunError(error, applied);
    }
    guess.lastHadWork = applied > 0;
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
