import { createContext } from './suite-context.mjs';
import { describeError } from './run-up.mjs';
import { badInput } from './properties/bad-input.mjs';
import { concurrency } from './properties/concurrency.mjs';
import { crash } from './properties/crash.mjs';
import { productionGuard } from './properties/production-guard.mjs';
import { secrets } from './properties/secrets.mjs';
import { staleLock } from './properties/stale-lock.mjs';
import { tamper } from './properties/tamper.mjs';
import { roundTrip } from './properties/round-trip.mjs';
import { PROPERTIES } from './modes.mjs';

const RUNNERS = {
  tamper: (ctx) => tamper(ctx),
  productionGuard: (ctx) => productionGuard(ctx),
  staleLock: (ctx) => staleLock(ctx),
  concurrency: (ctx, mode) => concurrency(ctx, mode.concurrency),
  crash: (ctx, mode) => crash(ctx, mode.crash),
  badInput: (ctx, mode) => badInput(ctx, mode.badInput),
  secrets: (ctx) => secrets(ctx),
  roundTrip: (ctx, mode) => roundTrip(ctx, mode.roundTrip),
};

/**
 * Runs the chosen properties on one database, in a fresh namespace (database, keyspace, table
 * prefix or directory) that is removed afterwards. A property that throws is a failure with
 * the error, and the next one still runs.
 * @example const report = await runDatabase(postgresTarget, url, { mode: MODES.quick, seed: 1 });
 * @param {{ key: string, provision: (setting?: string) => Promise<any> }} target
 * @param {string | undefined} setting
 * @param {{ mode: object, seed: number, only?: readonly string[], keep?: boolean, log?: (line: string) => void }} options
 */
export async function runDatabase(target, setting, options) {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const results = {};
  let ns;
  try {
    ns = await target.provision(setting);
  } catch (error) {
    const e = describeError(error);
    return { key: target.key, ok: false, ms: Date.now() - started, provisionError: `${e.name}: ${e.message}`, results };
  }
  const ctx = Object.assign(createContext(ns, { seed: options.seed, quick: options.mode.quick === true, log }), { target, setting });
  try {
    for (const name of PROPERTIES) {
      if (options.only && !options.only.includes(name)) continue;
      // A cluster target runs the properties it names (concurrency and crash).
      if (target.properties && !target.properties.includes(name)) continue;
      const t0 = Date.now();
      log(`${target.key}: ${name}…`);
      try {
        results[name] = await RUNNERS[name](ctx, options.mode);
      } catch (error) {
        const e = describeError(error);
        results[name] = {
          ok: false,
          counts: {},
          ms: Date.now() - t0,
          summary: `threw ${e.name}`,
          failures: [`${e.name} ${e.code ?? ''}: ${e.message.slice(0, 500)}\n${e.stack.split('\n').slice(1, 6).join('\n')}`],
        };
      }
      const r = results[name];
      log(`${target.key}: ${name} ${r.ok ? 'ok' : 'FAILED'} in ${(r.ms / 1000).toFixed(1)} s — ${r.summary}`);
      for (const f of r.failures.slice(0, 10)) log(`  ✗ ${f}`);
    }
  } finally {
    await ctx.closeAdapter();
    if (!options.keep) await ns.dispose().catch((error) => log(`${target.key}: cleanup failed: ${describeError(error).message}`));
  }
  return { key: target.key, ok: Object.values(results).every((r) => r.ok), ms: Date.now() - started, results };
}
