import type { RunResult } from '@ductape/sdk';
import { usageError } from '../cli/cli-error.js';
import { confirmDestructive } from '../cli/confirm-destructive.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { resultLine, targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';
import { type RollbackRange, rollbackOps, rollbackSelection, withRecorded } from '../project/rollback-plan.js';

/**
 * `ductape down [--to <tag>|0 | --steps <n>]`: undoes history rows newest first, in the history's
 * (apply) order, using the migrations recorded there (so a deleted file can still be rolled
 * back). Default: one. A failed or interrupted `up` counts as one step and is compensated (its
 * applied steps undone), so the migrations beneath it are never rolled back under it; a rollback
 * that stopped part-way is resumed. `--to 0` undoes everything. On prd/prod/production the
 * production guard asks to confirm destructive operations first (--yes).
 * @example ductape down --steps 2
 */
export const downCommand: CommandRun = (ctx) => {
  const range = rollbackRange(ctx.flags.to, ctx.flags.steps, 'down');
  return withTarget(ctx, async (t) => {
    const chosen = await withRecorded(t.engine, rollbackSelection(await t.engine.getHistoryRows(), range));
    const guarded = await Promise.all(chosen.map(async (item) => ({ tag: item.entry.tag, operations: await rollbackOps(t.adapter, item) })));
    await confirmDestructive(ctx, 'down', t.names.env, guarded);
    const results: RunResult[] = [];
    for (const item of chosen) results.push(item.action === 'compensate' ? await t.engine.compensate(item.entry.name) : await t.engine.down(item.entry.migration));
    t.progress.stop();
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const r of results) out.line(`  ${out.c.yellow(resultLine(r))}${r.outcome === 'compensated' ? out.c.dim('  (a failed run: its applied steps undone)') : ''}`);
    const compensated = results.filter((r) => r.outcome === 'compensated').length;
    out.line(results.length === 0 ? 'nothing to roll back' : `${results.length} migration${results.length === 1 ? '' : 's'} rolled back${compensated > 0 ? ` (${compensated} compensated)` : ''}`);
    return { exitCode: ExitCode.ok, data: { target: t.names, rolledBack: results.length, results } };
  });
};

/**
 * `--to` and `--steps` of `down` (and `plan --down`) as a range; usage errors for bad values.
 * @example rollbackRange(undefined, '2', 'down') // { steps: 2 }
 */
export function rollbackRange(to: unknown, steps: unknown, command: 'down' | 'plan --down'): RollbackRange {
  if (to !== undefined && steps !== undefined) throw usageError(`${command} takes --to or --steps, not both`, `run \`ductape ${command} --steps <n>\` or \`ductape ${command} --to <tag>\``);
  if (typeof to === 'string') return { to };
  const n = steps === undefined ? 1 : Number(steps);
  if (!Number.isInteger(n) || n < 1)
    throw usageError(
      `${command}: --steps must be a whole number of at least 1, got "${String(steps)}"`,
      `run \`ductape ${command} --steps 1\`, or \`ductape ${command} --to 0\` to roll back everything`,
    );
  return { steps: n };
}
