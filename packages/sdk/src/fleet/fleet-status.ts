import { type Migration, MigrationEngine } from '@ductape/core';
import type { FleetTarget } from './fleet-target.js';
import type { FleetTargetStatus } from './fleet-types.js';
import { type FleetContext, failureOf, withFleetTarget } from './migrate-target.js';
import { runPool } from './run-pool.js';

/**
 * Reads every target's history (no lock, no change) and counts the given migrations as applied,
 * pending or failed there (a failed row of a migration not given counts as failed too); a target that cannot be read gets `error` instead, the others go on.
 * @example const rows = await targetStatuses(targets, { env: 'prd', migrations, concurrency: 4 }, ctx);
 */
export async function targetStatuses(targets: readonly FleetTarget[], o: { readonly migrations: readonly Migration[]; readonly concurrency: number }, ctx: FleetContext): Promise<FleetTargetStatus[]> {
  const rows = new Map<string, FleetTargetStatus>();
  await runPool(
    targets,
    o.concurrency,
    async (t) => {
      try {
        const s = await withFleetTarget(t, ctx, (adapter) => new MigrationEngine(adapter, { ...ctx.engine, onProgress: undefined }).getStatus({ definedMigrations: o.migrations }));
        // A run that did not finish counts as failed whether or not a given migration defines it
        // (its file deleted after it failed, a failed db.schema.* call), as `ductape status` does.
        const failed = [...s.failedMigrations, ...s.unknownApplied.filter((e) => e.status !== 'applied' || e.direction !== 'up')];
        rows.set(t.name, {
          target: t.name,
          applied: s.completed,
          pending: s.pending,
          failed: failed.length,
          pendingTags: s.pendingMigrations.map((m) => m.tag),
          failedNames: failed.map((e) => e.name),
        });
      } catch (error) {
        rows.set(t.name, { target: t.name, applied: 0, pending: 0, failed: 0, pendingTags: [], failedNames: [], error: failureOf(error, t) });
      }
    },
    () => false,
  );
  return targets.map((t) => rows.get(t.name) as FleetTargetStatus);
}
