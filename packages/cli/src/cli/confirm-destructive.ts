import { createInterface } from 'node:readline/promises';
import { type DestructiveOperation, type Operation, ErrorCodes } from '@ductape/sdk';
import { CliError } from './cli-error.js';
import type { CommandContext } from './command-types.js';
import { ExitCode } from './exit-codes.js';

/** Operations of one migration, for the production guard. */
export interface GuardedMigration {
  readonly tag: string;
  readonly operations: readonly Operation[];
}

/** A destructive operation found by the guard, with the migration it belongs to. */
export interface GuardFinding extends DestructiveOperation {
  readonly tag: string;
}

/**
 * The production guard of the CLI (the sdk's `productionGuard`, the same one `db.schema.*` uses)
 * over what a command is about to run on `env`: on prd/prod/production, each destructive
 * operation (drops, renames, narrowing modifies, raw) needs confirmation. Confirmed by `--yes`
 * or DUCTAPE_CONFIRM_DESTRUCTIVE=1; on a terminal (not under --json) it asks; otherwise it
 * refuses with DUCTAPE_CONFIRMATION_REQUIRED (exit 4) before any change.
 * @example await confirmDestructive(ctx, 'down', 'prd', [{ tag: e.tag, operations: e.migration.down }]);
 */
export async function confirmDestructive(ctx: CommandContext, command: string, env: string, migrations: readonly GuardedMigration[]): Promise<GuardFinding[]> {
  const { productionGuard } = await import('@ductape/sdk');
  const found = migrations.flatMap((m) => productionGuard(env, m.operations).map((d) => ({ ...d, tag: m.tag })));
  await confirmFindings(ctx, command, env, found);
  return found;
}

/**
 * Asks for (or checks) confirmation of `found` on `env`, as `confirmDestructive` does.
 * @example await confirmFindings(ctx, 'repair', 'prd', [{ tag, index: 0, type: 'repair', operation: 'repair', reason: 'edits the history by hand' }]);
 */
export async function confirmFindings(ctx: CommandContext, command: string, env: string, found: readonly GuardFinding[]): Promise<void> {
  if (found.length === 0) return;
  const { destructiveConfirmed } = await import('@ductape/sdk');
  if (destructiveConfirmed({ confirm: ctx.flags.yes === true }, ctx.vars)) return;
  const list = found.map((d) => `${d.tag}: ${d.operation} — ${d.reason}`);
  const what = `${command} on env "${env}" would run ${found.length} destructive operation${found.length === 1 ? '' : 's'}`;
  if (ctx.stdin.isTTY !== true || ctx.out.json) {
    throw new CliError(
      ErrorCodes.confirmationRequired,
      `${what} (${list.join('; ')}); nothing was changed`,
      'pass --yes, or set DUCTAPE_CONFIRM_DESTRUCTIVE=1, to confirm (`ductape plan` shows the steps first)',
      ExitCode.aborted,
    );
  }
  ctx.out.note(`${ctx.out.ce.yellow('destructive')} ${what}:`);
  for (const line of list) ctx.out.note(`  ${line}`);
  const rl = createInterface({ input: ctx.stdin, output: process.stderr });
  try {
    const answer = (await rl.question(`Run them on "${env}"? [y/N] `)).trim().toLowerCase();
    if (answer !== 'y' && answer !== 'yes') throw new CliError(ErrorCodes.aborted, 'not confirmed; nothing was changed', 'answer y to go ahead, or pass --yes', ExitCode.aborted);
  } finally {
    rl.close();
  }
}
