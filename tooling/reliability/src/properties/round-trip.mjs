import fc from 'fast-check';
import { historyArbitrary } from '../round-trip/arbitraries.mjs';
import { snippet } from '../round-trip/apply.mjs';
import { openEnv } from '../round-trip/env.mjs';
import { interpret } from '../round-trip/interpret.mjs';
import { placeOf, profileOf } from '../round-trip/profile.mjs';
import { emptyCounts, runHistory } from '../round-trip/run-history.mjs';
import { describeError } from '../run-up.mjs';

/**
 * Round trip (issue 17): `histories` seeded random migration histories (fast-check; the seed is
 * the run's) on the database, each checked by runHistory; a failing history is shrunk and
 * printed as a ready-to-paste builder snippet. After a failing history the namespace is
 * replaced by a fresh one, so histories never see each other's leftovers.
 * @example const r = await roundTrip(ctx, { histories: 300, shrinkMs: 180_000 });
 * @param {import('../suite-context.mjs').SuiteContext & { target?: any, setting?: string }} ctx
 * @param {{ histories: number, shrinkMs: number, maxShrinks?: number, maxMigrations?: number, maxMs?: number }} size
 */
export async function roundTrip(ctx, sizes) {
  const started = Date.now();
  // DynamoDB Local and Cassandra take seconds per table: smaller quick histories there.
  const size = { ...sizes, ...(sizes.perDatabase?.[ctx.ns.key] ?? {}) };
  const caps = (await ctx.adapter()).capabilities;
  await ctx.closeAdapter();
  const profile = profileOf(ctx.ns.key, caps);
  // A slice runs histories [from, to) of the whole run's list: the same histories and, since a
  // history's injections are drawn from its own seeded stream, the same injections.
  const { from, to } = sliceOf(size.histories, size.slice);
  const samples = fc.sample(historyArbitrary({ maxMigrations: size.maxMigrations }), { seed: ctx.seed, numRuns: to }).slice(from);
  ctx.log(
    `${ctx.ns.key}: roundTrip seed ${ctx.seed}, ${samples.length} histories${size.slice ? ` (${from}–${to - 1} of ${size.histories}, slice ${size.slice})` : ''}, ops drawn: ${profile.ops.join(', ')}`,
  );
  const counts = {
    histories: 0,
    ...emptyCounts(),
    failedHistories: 0,
    byKind: {},
  };
  const mix = {};
  const failures = [];
  const notes = [];
  const kinds = new Set();
  const extra = [];
  // A namespace of its own: the properties run before it leave their tables behind, and the
  // first check is that a history starts on a clean database.
  let ns = ctx.ns;
  if (ctx.target) {
    ns = await ctx.target.provision(ctx.setting);
    extra.push(ns);
  }
  let env = await openEnv(ns);
  const fresh = async () => {
    await env.close();
    if (ns !== ctx.ns) await ns.dispose().catch(() => undefined);
    ns = await ctx.target.provision(ctx.setting);
    extra.push(ns);
    env = await openEnv(ns);
  };
  const reruns = new Map();
  const runOne = async (history, index) => {
    // Unique per run of a namespace's history table: reruns (shrinking) get a suffix.
    const k = reruns.get(index) ?? 0;
    reruns.set(index, k + 1);
    const label = k === 0 ? `h${index}` : `h${index}r${k}`;
    // Raw statements name the current namespace (DynamoDB table prefix, Cassandra keyspace).
    const placed = { ...profile, place: placeOf(env.ns) };
    const interpreted = interpret(placed, history, label);
    let r;
    try {
      r = await runHistory(env, placed, interpreted, { random: historyRandom(ctx.seed, index), label });
    } catch (error) {
      const e = describeError(error);
      r = { failures: [{ kind: 'threw', text: `${e.name} ${e.code ?? ''}: ${e.message.slice(0, 300)} ${e.stack.split('\n').slice(1, 4).join(' ')}` }], counts: {} };
    }
    if (r.failures.length) await fresh();
    return { ...r, interpreted };
  };
  try {
    for (const [j, history] of samples.entries()) {
      const i = from + j;
      if (size.maxMs && Date.now() - started > size.maxMs) {
        notes.push(`stopped after ${j} histories: the time bound (${size.maxMs / 1000} s) was reached`);
        break;
      }
      const r = await runOne(history, i);
      counts.histories++;
      for (const [k, v] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + v;
      for (const [k, v] of Object.entries(r.interpreted.mix)) mix[k] = (mix[k] ?? 0) + v;
      if ((j + 1) % 10 === 0) ctx.log(`${ctx.ns.key}: roundTrip ${j + 1}/${samples.length} histories, ${counts.migrations} migrations, ${failures.length} failures`);
      if (r.failures.length === 0) continue;
      counts.failedHistories++;
      const kind = r.failures[0].kind;
      counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
      const key = `${kind}:${r.failures[0].text
        .replace(/h\d+_\d+/g, 'm')
        .replace(/[^a-zA-Z ]/g, '')
        .slice(0, 60)}`;
      if (kinds.has(kind) || kinds.size >= (size.maxShrinks ?? 4)) {
        failures.push(`history ${i} (${kind}): ${r.failures[0].text.slice(0, 400)}`);
        continue;
      }
      kinds.add(kind);
      ctx.log(`${ctx.ns.key}: roundTrip history ${i} failed (${kind}): ${r.failures[0].text.slice(0, 300)}; shrinking…`);
      const shrunk = size.shrinkMs > 0 ? await shrinkHistoryFor(history, kind, (h) => runOne(h, i), size.shrinkMs) : { interpreted: r.interpreted, failure: r.failures[0].text, tries: 0 };
      const text = snippet(shrunk.interpreted.migrations);
      failures.push(
        `history ${i} of seed ${ctx.seed} (${kind}, key ${key.slice(0, 40)}): ${r.failures[0].text.slice(0, 600)}\n  shrunk in ${shrunk.tries} tries to ${shrunk.interpreted.migrations.length} migration(s), failing with: ${shrunk.failure.slice(0, 600)}\n${text}`,
      );
      ctx.log(`${ctx.ns.key}: shrunk (${kind}):\n${text}\n  → ${shrunk.failure.slice(0, 600)}`);
    }
  } finally {
    await env.close();
    for (const x of extra) await x.dispose().catch(() => undefined);
  }
  const mixText = Object.entries(mix)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  notes.push(`op mix on ${ctx.ns.key}: ${mixText}`);
  ctx.log(`${ctx.ns.key}: roundTrip op mix: ${mixText}`);
  const ok = failures.length === 0 && counts.histories > 0;
  return {
    ok,
    counts: { ...counts, seed: ctx.seed, ...(size.slice ? { slice: size.slice, from, to } : {}), mix },
    notes,
    ms: Date.now() - started,
    summary: `${counts.histories} histories, ${counts.migrations} migrations, ${counts.ops} ops: ${counts.mismatches} mismatches, ${counts.leftovers} leftovers, ${counts.replayDiffs} replay diffs, ${counts.orderErrors} order errors, ${counts.untyped} untyped, ${counts.planDiffs} plan diffs, ${counts.refused} refused, ${counts.dataDiffs} data diffs (${counts.rowsWritten} rows written, ${counts.rowChecks} row checks)`,
    failures,
  };
}

/**
 * Histories [from, to) of `histories` for slice `i/n` (1-based, contiguous, sizes differing by at
 * most one); the whole run without a slice.
 * @example sliceOf(300, '2/4') // { from: 75, to: 150 }
 * @param {number} histories
 * @param {string} [slice]
 */
export function sliceOf(histories, slice) {
  if (slice === undefined) return { from: 0, to: histories };
  const m = /^(\d+)\/(\d+)$/.exec(slice);
  const [i, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!(n >= 1 && i >= 1 && i <= n)) throw new Error(`--round-trip-slice takes i/n with 1 ≤ i ≤ n, got ${slice}`);
  return { from: Math.floor(((i - 1) * histories) / n), to: Math.floor((i * histories) / n) };
}

/**
 * The seeded random stream of history `index` (mulberry32 of the run's seed and the index), so a
 * history's injections (where it is killed, which step fails) do not depend on the histories run
 * before it in the same process.
 * @example historyRandom(20261125, 7)() // the same number on every run
 * @param {number} seed
 * @param {number} index
 */
export function historyRandom(seed, index) {
  let state = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0 || 1;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function shrinkHistoryFor(history, kind, runOne, budgetMs) {
  const { shrinkHistory } = await import('../round-trip/shrink.mjs');
  let last;
  const fails = async (h) => {
    const r = await runOne(h);
    const f = r.failures.find((x) => x.kind === kind);
    if (f) last = { interpreted: r.interpreted, failure: f.text };
    return Boolean(f);
  };
  const s = await shrinkHistory(history, fails, budgetMs);
  if (!last) {
    const r = await runOne(s.history);
    last = { interpreted: r.interpreted, failure: r.failures[0]?.text ?? 'did not fail again (flaky?)' };
  }
  return { ...last, tries: s.tries };
}
