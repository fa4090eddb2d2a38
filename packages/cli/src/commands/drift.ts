import { ExitCode } from '../cli/exit-codes.js';
import { driftLine } from '../drift/drift-line.js';
import { fleetFlags } from '../project/fleet-flags.js';
import type { CommandRun } from '../cli/command-types.js';
import { targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';
import { type Drift, compareCollection } from '../drift/compare.js';
import { expectedSchema } from '../drift/expected-schema.js';

/**
 * `ductape drift`: replays the applied migrations of the history on a model and compares the
 * fields of every collection they create or alter with the live schema (introspection).
 * Exit 3 on any difference. Raw operations are listed as not checked.
 * With `--fleet <name>`: every target of that fleet, or `--sample N` of them (see drift-fleet.ts).
 * @example ductape drift --env staging --json
 */
export const driftCommand: CommandRun = async (ctx) => {
  const fleet = fleetFlags('drift', ctx.flags, ctx.vars);
  if (fleet) return (await import('./drift-fleet.js')).driftFleet(ctx, fleet);
  return withTarget(ctx, async (t) => {
    const expected = expectedSchema(await t.engine.getHistory());
    const drifts: Drift[] = [];
    for (const [name, want] of expected.collections) drifts.push(...compareCollection(name, want, await t.adapter.introspect(name)));
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const d of drifts) out.line(driftLine(d, out.c));
    if (expected.rawIn.length > 0) out.note(`${out.ce.yellow('note')} raw operations are not checked (${expected.rawIn.join(', ')})`);
    out.line(drifts.length === 0 ? `no drift in ${expected.collections.size} collection${expected.collections.size === 1 ? '' : 's'}` : `${drifts.length} difference${drifts.length === 1 ? '' : 's'}`);
    return { exitCode: drifts.length > 0 ? ExitCode.findings : ExitCode.ok, data: { target: t.names, checked: [...expected.collections.keys()], drifts, notChecked: expected.rawIn } };
  });
};
