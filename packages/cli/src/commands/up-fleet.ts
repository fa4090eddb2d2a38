import type { Fleet, FleetEvent, Migration } from '@ductape/sdk';
import type { CommandContext, CommandResult } from '../cli/command-types.js';
import { confirmDestructive } from '../cli/confirm-destructive.js';
import { ExitCode } from '../cli/exit-codes.js';
import { fleetEventLine, fleetProgressLine, fleetSummaryLine } from '../cli/fleet-lines.js';
import { CLI_OWNER } from '../project/open-target.js';
import type { FleetFlags } from '../project/fleet-flags.js';
import { fleetMigrationFiles } from '../project/fleet-migrations.js';

/**
 * `ductape up --fleet <name>`: reads the migrations directory once and brings every target of
 * fleets.<name> (in --env) up to date with the sdk's `db.fleet(name).up()`: one line per target
 * (`✓ tenant_a  2 applied`, `✗ tenant_b  DUCTAPE_… message`), then the summary line; under --json
 * the sdk's summary. Exit 1 when a target failed, was left locked or was not started.
 * On prd/prod/production, destructive operations still pending on some target need --yes.
 * `--shard i/n` takes this machine's shard first, then helps with the rest (nothing is skipped).
 * @example ductape up --fleet tenants --env prd --concurrency 8 --canary 5 --shard 1/2 --yes
 */
export async function upFleet(ctx: CommandContext, f: FleetFlags): Promise<CommandResult> {
  const { migrations, skippedDrafts } = await fleetMigrationFiles(ctx);
  const { DatabaseService } = await import('@ductape/sdk');
  const fleet = new DatabaseService({ cwd: ctx.cwd, vars: ctx.vars, engine: { owner: CLI_OWNER } }).fleet(f.fleet);
  await guardFleet(ctx, f, migrations, fleet);
  const { out } = ctx;
  out.line(out.c.bold(`fleet ${f.fleet} (env ${f.env}): ${migrations.length} migration${migrations.length === 1 ? '' : 's'}${f.shard ? `, shard ${f.shard.index}/${f.shard.count} first` : ''}`));
  let targets = 0;
  const live = out.interactive;
  const onEvent = (e: FleetEvent): void => {
    targets = Math.max(targets, e.progress.done + e.progress.failed + e.progress.running + e.progress.left);
    const line = fleetEventLine(e, out.c);
    if (live) out.raw('\r\u001b[2K');
    if (line) out.line(line);
    if (live) out.raw(fleetProgressLine(e.progress, targets));
  };
  const summary = await fleet.up({
    env: f.env,
    migrations,
    onEvent,
    ...(f.concurrency !== undefined ? { concurrency: f.concurrency } : {}),
    ...(f.canary !== undefined ? { canary: f.canary } : {}),
    ...(f.maxFailures !== undefined ? { maxFailures: f.maxFailures } : {}),
    ...(f.shard !== undefined ? { shard: f.shard } : {}),
  });
  if (live) out.raw('\r\u001b[2K');
  out.line(fleetSummaryLine(summary));
  const clean = summary.failed.length === 0 && summary.skipped.length === 0 && summary.notStarted.length === 0;
  return { exitCode: clean ? ExitCode.ok : ExitCode.failure, data: { ...summary, skippedDrafts } };
}

/**
 * The production guard over a fleet: on prd/prod/production, when some migration has destructive
 * operations and nothing confirmed them yet, the targets' histories are read (no lock) and only
 * the destructive migrations still pending or failed on some target (all of them when a target
 * cannot be read) need confirmation, as `ductape up` asks for one database.
 */
async function guardFleet(ctx: CommandContext, f: FleetFlags, migrations: readonly Migration[], fleet: Fleet): Promise<void> {
  const { productionGuard, destructiveConfirmed } = await import('@ductape/sdk');
  const risky = migrations.filter((m) => productionGuard(f.env, m.up).length > 0);
  if (risky.length === 0 || destructiveConfirmed({ confirm: ctx.flags.yes === true }, ctx.vars)) return;
  const status = await fleet.status({ env: f.env, migrations, ...(f.concurrency !== undefined ? { concurrency: f.concurrency } : {}) });
  const unknown = status.targets.some((t) => t.error !== undefined);
  const wanted = new Set(status.targets.flatMap((t) => [...t.pendingTags, ...t.failedNames]));
  const pending = unknown ? risky : risky.filter((m) => wanted.has(m.tag) || wanted.has(m.name));
  await confirmDestructive(
    ctx,
    `up --fleet ${f.fleet}`,
    f.env,
    pending.map((m) => ({ tag: m.tag, operations: m.up })),
  );
}
