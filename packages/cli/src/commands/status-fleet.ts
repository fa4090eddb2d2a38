import type { CommandContext, CommandResult } from '../cli/command-types.js';
import { ExitCode } from '../cli/exit-codes.js';
import { fleetStatusTable } from '../cli/fleet-lines.js';
import type { FleetFlags } from '../project/fleet-flags.js';
import { fleetMigrationFiles } from '../project/fleet-migrations.js';

/**
 * `ductape status --fleet <name>`: reads every target's history (no lock, no change) against the
 * migrations directory and prints the grouped summary ("18 up to date, 2 pending 20261201_x,
 * 1 failed add_y") and a table of targets × applied/pending/failed; under --json the sdk's status.
 * Exit 0 when every target is up to date, 3 when some are pending or failed, 1 when a target
 * could not be read.
 * @example ductape status --fleet tenants --env prd --json
 */
export async function statusFleet(ctx: CommandContext, f: FleetFlags): Promise<CommandResult> {
  const { migrations, skippedDrafts } = await fleetMigrationFiles(ctx);
  const { DatabaseService } = await import('@ductape/sdk');
  const status = await new DatabaseService({ cwd: ctx.cwd, vars: ctx.vars }).fleet(f.fleet).status({ env: f.env, migrations, ...(f.concurrency !== undefined ? { concurrency: f.concurrency } : {}) });
  const { out } = ctx;
  out.line(
    out.c.bold(`fleet ${f.fleet} (env ${f.env}): ${status.targets.length} target${status.targets.length === 1 ? '' : 's'}, ${migrations.length} migration${migrations.length === 1 ? '' : 's'}`),
  );
  out.line(fleetStatusTable(status, out.c).join('\n'));
  out.line(status.summary);
  const unreachable = status.targets.some((t) => t.error !== undefined);
  const upToDate = status.targets.every((t) => t.pending === 0 && t.failed === 0 && t.error === undefined);
  return { exitCode: unreachable ? ExitCode.failure : upToDate ? ExitCode.ok : ExitCode.findings, data: { ...status, upToDate, skippedDrafts } };
}
