import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { entryJson, targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';

/**
 * `ductape history`: the history rows of the database in the order recorded, including
 * migrations made with `db.schema.*` that have no file.
 * @example ductape history --env staging --json
 */
export const historyCommand: CommandRun = (ctx) =>
  withTarget(ctx, async (t) => {
    const rows = (await t.engine.getHistoryRows()).map(entryJson); // the bodies are not shown: not read
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const r of rows) {
      const state = r.status === 'applied' ? out.c.green(String(r.status)) : out.c.red(`${String(r.status)} (${String(r.direction)}, ${String(r.stepsApplied)}/${String(r.stepsTotal)} steps)`);
      out.line(`  ${String(r.tag)}  ${state}  ${out.c.dim(`${String(r.appliedAt ?? r.startedAt)}  ${String(r.executionMs)} ms  ${String(r.checksum).slice(0, 12)}  ${String(r.appliedBy)}`)}`);
      if (r.error) out.line(`    ${out.c.red(String(r.error))}`);
      for (const w of (r.warnings ?? []) as { step: number; summary: string; message: string }[]) out.line(`    ${out.c.yellow(`step ${w.step + 1}: ${w.summary}: the server warned: ${w.message}`)}`);
    }
    out.line(`${rows.length} row${rows.length === 1 ? '' : 's'}`);
    return { exitCode: ExitCode.ok, data: { target: t.names, history: rows } };
  });
