import { ExitCode } from '../cli/exit-codes.js';
import type { CommandRun } from '../cli/command-types.js';
import { targetLabel } from '../project/describe.js';
import { withTarget } from '../project/open-target.js';
import { type Drift, compareCollection } from '../drift/compare.js';
import { expectedSchema } from '../drift/expected-schema.js';

/**
 * `ductape drift`: replays the applied migrations of the history on a model and compares the
 * fields of every collection they create or alter with the live schema (introspection).
 * Exit 3 on any difference. Raw operations are listed as not checked.
 * @example ductape drift --env staging --json
 */
export const driftCommand: CommandRun = (ctx) =>
  withTarget(ctx, async (t) => {
    const expected = expectedSchema(await t.engine.getHistory());
    const drifts: Drift[] = [];
    for (const [name, want] of expected.collections) drifts.push(...compareCollection(name, want, await t.adapter.introspect(name)));
    const { out } = ctx;
    out.line(out.c.bold(targetLabel(t.names)));
    for (const d of drifts) {
      const detail = d.kind === 'changed-field' ? `: expected ${d.expected ?? ''}, found ${d.actual ?? ''}` : d.expected ? ` (${d.expected})` : d.actual ? ` (${d.actual})` : '';
      out.line(`  ${out.c.red(d.kind.padEnd(21))} ${d.collection}${d.field ? `.${d.field}` : ''}${detail}`);
    }
    if (expected.rawIn.length > 0) out.note(`${out.ce.yellow('note')} raw operations are not checked (${expected.rawIn.join(', ')})`);
    out.line(drifts.length === 0 ? `no drift in ${expected.collections.size} collection${expected.collections.size === 1 ? '' : 's'}` : `${drifts.length} difference${drifts.length === 1 ? '' : 's'}`);
    return { exitCode: drifts.length > 0 ? ExitCode.findings : ExitCode.ok, data: { target: t.names, checked: [...expected.collections.keys()], drifts, notChecked: expected.rawIn } };
  });
