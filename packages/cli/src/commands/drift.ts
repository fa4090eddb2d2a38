import { ExitCode } from '../cli/exit-codes.js';
import { driftLine } from '../drift/drift-line.js';
import { fleetFlags } from '../project/fleet-flags.js';
import type { CommandRun } from '../cli/command-types.js';
import { targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';
import { rawNote, targetDrift } from '../drift/target-drift.js';

/**
 * `ductape drift`: replays the applied migrations of the history on a model and compares every
 * collection they create or alter with the live schema (introspection): fields, indexes, unique
 * constraints, foreign keys and checks, as far as the database has them (what it has not is
 * named in a note). Exit 3 on any difference. Raw operations are named as out of scope.
 * With `--fleet <name>`: every target of that fleet, or `--sample N` of them (see drift-fleet.ts).
 * @example ductape drift --env staging --json
 */
export const driftCommand: CommandRun = async (ctx) => {
  const fleet = fleetFlags('drift', ctx.flags, ctx.vars);
  if (fleet) return (await import('./drift-fleet.js')).driftFleet(ctx, fleet);
  return withTarget(ctx, async (t) => {
    const { checked, drifts, notChecked, notCompared } = await targetDrift(t.adapter, await t.engine.getHistory());
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const d of drifts) out.line(driftLine(d, out.c));
    if (notChecked.length > 0) out.note(`${out.ce.yellow('note')} ${rawNote(notChecked)}`);
    if (notCompared.length > 0) out.note(`${out.ce.yellow('note')} not compared on this database: ${notCompared.join('; ')}`);
    out.line(drifts.length === 0 ? `no drift in ${checked.length} collection${checked.length === 1 ? '' : 's'}` : `${drifts.length} difference${drifts.length === 1 ? '' : 's'}`);
    return { exitCode: drifts.length > 0 ? ExitCode.findings : ExitCode.ok, data: { target: t.names, checked, drifts, notChecked, notCompared } };
  });
};
