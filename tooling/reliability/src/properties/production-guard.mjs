import { fileURLToPath } from 'node:url';
import { DatabaseService } from '@ductape/sdk';
import { describeError } from '../run-up.mjs';
import { historyOf, schemaOf } from '../snapshot.mjs';

const PACKAGE_DIR = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Production guard: through `@ductape/sdk`'s DatabaseService on env `prd`, `db.schema.drop`,
 * `dropField`, `dropIndex` and `dropConstraint` (where the database has constraints) are refused
 * with DUCTAPE_CONFIRMATION_REQUIRED without confirmation, leaving schema and history unchanged;
 * with `{ confirm: true }` the same dropField goes through (the guard is not a blanket refusal).
 * @example const r = await productionGuard(ctx);
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 */
export async function productionGuard(ctx) {
  const { ns } = ctx;
  const failures = [];
  const started = Date.now();
  const adapter = await ctx.adapter();
  const caps = adapter.capabilities;
  // The sdk opens its own adapter: an embedded database must not be open twice.
  await ctx.closeAdapter();
  const config = { products: { reliability: { databases: { main: { adapter: ns.pkg, environments: { prd: ns.connection }, options: ns.options } } } } };
  const db = new DatabaseService({ cwd: PACKAGE_DIR, config, vars: {}, engine: { lockTimeoutMs: 60_000, leaseMs: 10_000 } });
  const counts = { refused: 0, attempts: 0, unchanged: 0, confirmedDrop: 0 };
  const notes = [];
  try {
    await db.connect({ env: 'prd', product: 'reliability', database: 'main' });
    const t = 'guard_t';
    await db.schema.create(t, { id: { type: 'integer', primaryKey: true }, name: { type: 'string', length: 100 }, extra: { type: 'integer' }, code: { type: 'integer' }, spare: { type: 'integer' } });
    await db.schema.createIndex(t, ['extra'], { name: 'idx_guard_t_extra' });
    const attempts = [
      ['db.schema.drop', () => db.schema.drop(t)],
      ['db.schema.dropField', () => db.schema.dropField(t, 'extra')],
      ['db.schema.dropIndex', () => db.schema.dropIndex(t, 'idx_guard_t_extra')],
    ];
    if (caps.uniqueConstraints) {
      await db.schema.addConstraint(t, { type: 'unique', name: 'uq_guard_t_code', columns: ['code'] });
      const listed = (await db.getAdapter().introspect(t))?.constraints?.some((k) => k.name === 'uq_guard_t_code');
      // The sdk looks the constraint up before the guard: one introspection does not list is unreachable.
      if (listed) attempts.push(['db.schema.dropConstraint', () => db.schema.dropConstraint(t, 'uq_guard_t_code')]);
      else notes.push('dropConstraint not tried: the unique constraint added by db.schema.addConstraint is not listed by introspect(), so the sdk answers DUCTAPE_NOT_FOUND before its guard');
    } else notes.push('dropConstraint not tried: the database has no constraints (capabilities.uniqueConstraints false)');
    const engine = ctx.engineOn(db.getAdapter());
    for (const [what, run] of attempts) {
      counts.attempts++;
      const schema = await schemaOf(db.getAdapter(), [t]);
      const history = await historyOf(engine);
      try {
        await run();
        failures.push(`${what} on prd went through without confirmation`);
      } catch (error) {
        const e = describeError(error);
        if (e.code === 'DUCTAPE_CONFIRMATION_REQUIRED' && e.ductape) counts.refused++;
        else failures.push(`${what} on prd threw ${e.name} ${e.code ?? ''}: ${e.message.slice(0, 300)}`);
      }
      if ((await schemaOf(db.getAdapter(), [t])) === schema && (await historyOf(engine)) === history) counts.unchanged++;
      else failures.push(`${what} changed the schema or the history although refused`);
    }
    const confirmed = await db.schema.dropField(t, 'spare', { confirm: true });
    const left = (await db.getAdapter().introspect(t))?.fields.map((f) => f.name) ?? [];
    if (confirmed.result.outcome === 'applied' && !left.includes('spare')) counts.confirmedDrop++;
    else failures.push(`dropField with { confirm: true }: outcome ${confirmed.result.outcome}, fields after: ${left.join(', ')}`);
  } catch (error) {
    const e = describeError(error);
    failures.push(`setup or confirmed drop failed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 300)}`);
  } finally {
    await db.disconnect().catch(() => undefined);
  }
  return {
    ok: failures.length === 0,
    counts,
    notes,
    ms: Date.now() - started,
    summary: `${counts.refused}/${counts.attempts} refused, ${counts.unchanged} unchanged, confirmed drop ${counts.confirmedDrop ? 'ok' : 'failed'}`,
    failures,
  };
}
