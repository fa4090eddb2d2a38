import { ErrorCodes, LockTimeoutError, type Migration, redactSecrets } from '@ductape/core';
import type { FleetTarget } from './fleet-target.js';
import type { CheckedUpOptions } from './fleet-options.js';
import type { FleetEvent, FleetProgress, FleetSummary, FleetTargetRow } from './fleet-types.js';
import { type FleetContext, TargetRunError, failureOf, fleetMigrations, migrateTarget } from './migrate-target.js';
import { FleetMeter } from './fleet-meter.js';
import { runPool } from './run-pool.js';
import { fleetSummary } from './fleet-summary.js';
import { shardOf, shardOrder } from './shard-order.js';

/** The lock wait of the first pass: a held lock is not waited for, the target is retried at the end. */
export const FIRST_PASS_LOCK_TIMEOUT_MS = 1;
const DEFAULT_LOCK_TIMEOUT_MS = 60_000;

/**
 * Migrates every target of a fleet, each with the ordinary engine under its own lock: the first
 * `canary` targets first (any failure stops the run before the others), then the rest, at most
 * `concurrency` connected at once (a `shard` hint orders the rest, its own targets first); a failure stops only that target unless `maxFailures` is
 * reached; a target whose lock another runner holds is skipped and retried at the end, waiting
 * for that lock then. Returns the summary; never throws for a target's failure.
 * @example const summary = await runFleet('tenants', targets, checkUpOptions(options, 'tenants'), ctx);
 */
export async function runFleet(fleet: string, targets: readonly FleetTarget[], o: CheckedUpOptions & { readonly migrations: readonly Migration[] }, ctx: FleetContext): Promise<FleetSummary> {
  const meter = new FleetMeter(ctx.now);
  const wanted = fleetMigrations(o.migrations);
  const hint = { lastHadWork: false };
  const rows = new Map<string, FleetTargetRow>(targets.map((t) => [t.name, { target: t.name, state: 'not-started', applied: 0, ms: 0 }]));
  const locked: FleetTarget[] = [];
  const count = { done: 0, failed: 0, running: 0, left: targets.length };
  const progress = (): FleetProgress => ({ ...count, ...meter.pace(count) });
  const emit = (event: FleetEvent): void => o.onEvent(event);

  const run =
    (retry: boolean) =>
    async (t: FleetTarget): Promise<void> => {
      count.left--;
      count.running++;
      emit({ type: 'target-start', target: t.name, retry, progress: progress() });
      const t0 = Date.now();
      try {
        const outcome = await migrateTarget(t, ctx, wanted, retry ? (o.lockTimeoutMs ?? ctx.engine.lockTimeoutMs ?? DEFAULT_LOCK_TIMEOUT_MS) : FIRST_PASS_LOCK_TIMEOUT_MS, hint);
        const ms = Date.now() - t0;
        count.running--;
        count.done++;
        meter.add(outcome.applied);
        rows.set(t.name, { target: t.name, state: outcome.upToDate ? 'up-to-date' : 'applied', applied: outcome.applied, ms });
        emit({ type: 'target-done', target: t.name, applied: outcome.applied, upToDate: outcome.upToDate, ms, progress: progress() });
      } catch (error) {
        const ms = Date.now() - t0;
        count.running--;
        const f = failureOf(error, t);
        if (f.code === ErrorCodes.lockTimeout) {
          if (!retry) {
            count.left++;
            locked.push(t);
          }
          rows.set(t.name, { target: t.name, state: 'skipped-locked', applied: 0, ms, ...f });
          const cause = error instanceof TargetRunError ? error.error : error;
          const heldBy = cause instanceof LockTimeoutError && cause.holder !== undefined ? { heldBy: redactSecrets(cause.holder, t.secrets) } : {};
          emit({ type: 'target-skipped-locked', target: t.name, retry, ...heldBy, progress: progress() });
          return;
        }
        count.failed++;
        meter.add(error instanceof TargetRunError ? error.applied : 0);
        rows.set(t.name, { target: t.name, state: 'failed', applied: error instanceof TargetRunError ? error.applied : 0, ms, ...f });
        emit({ type: 'target-failed', target: t.name, code: f.code, message: f.message, ms, progress: progress() });
      }
    };

  let stoppedBy: FleetSummary['stoppedBy'];
  const tooMany = (): boolean => {
    if (count.failed >= o.maxFailures) stoppedBy ??= 'max-failures';
    return count.failed >= o.maxFailures;
  };
  const canary = targets.slice(0, o.canary);
  // The shard hint only orders the rest: its own shard first, then the others from the far end.
  const { ordered: rest } = shardOrder(targets.slice(o.canary), o.shard, (t) => t.name);
  let notStarted = await runPool(canary, o.concurrency, run(false), tooMany);
  if (count.failed > 0) stoppedBy ??= 'canary';
  notStarted = stoppedBy ? [...notStarted, ...rest] : await runPool(rest, o.concurrency, run(false), tooMany);
  // Locked targets: another runner is on them; wait for its lock now (it usually finds them done).
  if (!stoppedBy) await runPool(locked.splice(0), o.concurrency, run(true), tooMany);
  const summary = fleetSummary(fleet, o.env, targets, rows, notStarted, stoppedBy, meter.elapsedMs);
  const shard = o.shard;
  return shard ? { ...summary, shard: { ...shard, own: targets.filter((t) => shardOf(t.name, shard.count) === shard.index).length } } : summary;
}
