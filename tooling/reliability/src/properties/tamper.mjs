import { describeError } from '../run-up.mjs';
import { historyOf, schemaOf } from '../snapshot.mjs';
import { tamperMigrations } from '../workloads.mjs';

/**
 * Tamper: after two migrations are applied, the second is edited. `up(edited)` and
 * `upAll([first, edited, next])` both fail with DUCTAPE_CHECKSUM_MISMATCH before any change:
 * history and schema are unchanged and `next` is not applied.
 * @example const r = await tamper(ctx);
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 */
export async function tamper(ctx) {
  const failures = [];
  const started = Date.now();
  const w = tamperMigrations();
  const adapter = await ctx.adapter();
  const engine = ctx.engine();
  await engine.upAll(w.applied);
  const counts = { attempts: 0, mismatches: 0, unchanged: 0 };
  const attempts = [
    ['up(edited)', () => engine.up(w.edited)],
    ['upAll([first, edited, next])', () => engine.upAll([w.applied[0], w.edited, w.next])],
    ['down(edited)', () => engine.down(w.edited)],
  ];
  for (const [what, run] of attempts) {
    counts.attempts++;
    const history = await historyOf(engine);
    const schema = await schemaOf(adapter, w.tables);
    try {
      await run();
      failures.push(`${what} succeeded on an edited migration`);
    } catch (error) {
      const e = describeError(error);
      if (e.code === 'DUCTAPE_CHECKSUM_MISMATCH' && e.ductape) counts.mismatches++;
      else failures.push(`${what} threw ${e.name} ${e.code ?? ''}: ${e.message.slice(0, 300)}`);
    }
    if ((await historyOf(engine)) === history && (await schemaOf(adapter, w.tables)) === schema) counts.unchanged++;
    else failures.push(`${what} changed the history or the schema`);
  }
  return {
    ok: failures.length === 0,
    counts,
    ms: Date.now() - started,
    summary: `${counts.mismatches}/${counts.attempts} refused with DUCTAPE_CHECKSUM_MISMATCH, ${counts.unchanged} unchanged`,
    failures,
  };
}
