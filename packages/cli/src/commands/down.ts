import type { HistoryEntry, RunResult } from '@ductape/sdk';
import { usageError } from '../cli/cli-error.js';
import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { resultLine, targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';

/**
 * `ductape down [--to <tag> | --steps <n>]`: rolls back applied migrations, newest first, using
 * the migrations recorded in history (so a deleted file can still be rolled back). Default: one.
 * A rollback that stopped part-way is resumed.
 * @example ductape down --steps 2
 */
export const downCommand: CommandRun = (ctx) => {
  const { to, steps } = ctx.flags;
  if (to !== undefined && steps !== undefined) throw usageError('down takes --to or --steps, not both');
  const n = steps === undefined ? 1 : Number(steps);
  if (!Number.isInteger(n) || n < 1) throw usageError(`--steps must be a whole number of at least 1, got "${String(steps)}"`);
  return withTarget(ctx, async (t) => {
    const history = await t.engine.getHistory();
    const undoable = history.filter((e) => (e.status === 'applied' && e.direction === 'up') || e.direction === 'down');
    const chosen = typeof to === 'string' ? after(undoable, to) : undoable.slice(-n);
    const results: RunResult[] = [];
    if (typeof to === 'string' && chosen.length > 0) results.push(...(await t.engine.rollbackTo(tagOf(undoable, to))));
    else for (const e of [...chosen].reverse()) results.push(await t.engine.down(e.migration));
    t.progress.stop();
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const r of results) out.line(`  ${out.c.yellow(resultLine(r))}`);
    out.line(results.length === 0 ? 'nothing to roll back' : `${results.length} migration${results.length === 1 ? '' : 's'} rolled back`);
    return { exitCode: ExitCode.ok, data: { target: t.names, rolledBack: results.length, results } };
  });
};

function after(rows: readonly HistoryEntry[], ref: string): HistoryEntry[] {
  const i = rows.findIndex((e) => e.tag === ref || e.name === ref);
  if (i < 0) throw usageError(`"${ref}" is not an applied migration`, 'run `ductape history` for the applied tags');
  return rows.slice(i + 1);
}

function tagOf(rows: readonly HistoryEntry[], ref: string): string {
  return (rows.find((e) => e.tag === ref || e.name === ref) as HistoryEntry).tag;
}
