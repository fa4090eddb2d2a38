import { migration } from '@ductape/core';
import { describeError } from '../run-up.mjs';
import { holdLock } from '../hold-lock.mjs';
import { siblingAdapter } from '../sibling-adapter.mjs';
import { spawnRunner } from '../spawn-child.mjs';
import { baseFields } from '../workloads.mjs';

const LEASE_MS = 3_000;
/** Poll backoff of the engine caps at 1 s; connecting (or opening PGlite) takes the rest. */
const SLACK_MS = 2_500;

/**
 * Stale lock: (1) a live holder (another process renewing its lease) is never overtaken: an
 * engine waiting twice the lease times out with DUCTAPE_LOCK_TIMEOUT naming the holder, and
 * nothing is applied; (2) once that holder is SIGKILLed, the next runner proceeds within the
 * lease (session locks of PostgreSQL and MySQL vanish at once). Lease 3 s.
 * @example const r = await staleLock(ctx);
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 */
export async function staleLock(ctx) {
  const { ns } = ctx;
  const failures = [];
  const started = Date.now();
  const m = migration('rel_after_stale_lock').createCollection('stale_lock_t', baseFields()).build();
  const counts = { leaseMs: LEASE_MS, liveTimeouts: 0, namedHolder: 0, takeoverMs: -1, openMs: 0 };

  // (1) a live holder
  const base = await ctx.adapter();
  await ctx.engine().getHistory(); // history table exists before anyone holds the lock
  let holder;
  let stopHolder = false;
  let holderDescription;
  if (ns.multiProcess) {
    let ready;
    const holding = new Promise((r) => (ready = r));
    holder = spawnRunner({ mode: 'hold-lock', target: ns, leaseMs: LEASE_MS }, { timeoutMs: 120_000, onLine: (msg) => msg.type === 'holding' && ready(msg) });
    const first = await Promise.race([holding, holder.exited.then((x) => ({ exited: x }))]);
    if (first.exited)
      return {
        ok: false,
        counts,
        ms: Date.now() - started,
        summary: 'holder failed',
        failures: [`the lock holder could not start: ${JSON.stringify(first.exited.messages).slice(0, 400)} ${first.exited.stderr.slice(0, 400)}`],
      };
    holderDescription = first.owner;
  } else {
    const other = await siblingAdapter(ns, base);
    holderDescription = `reliability lock holder pid ${process.pid} (in process)`;
    let ready;
    const holding = new Promise((r) => (ready = r));
    const done = holdLock(
      other,
      { id: 'holder', description: holderDescription },
      LEASE_MS,
      () => ready(),
      60_000,
      () => stopHolder,
    ).finally(() => other.close());
    await holding;
    holder = { done };
  }
  try {
    await ctx.engine({ lockTimeoutMs: LEASE_MS * 2, leaseMs: LEASE_MS, owner: 'reliability contender' }).up(m);
    failures.push("a live holder's lock was taken: up succeeded while another runner renewed its lease");
  } catch (error) {
    const e = describeError(error);
    if (e.code === 'DUCTAPE_LOCK_TIMEOUT') counts.liveTimeouts++;
    else failures.push(`waiting on a live holder threw ${e.name} ${e.code ?? ''}: ${e.message.slice(0, 300)}`);
    if (e.message.includes(holderDescription)) counts.namedHolder++;
    else failures.push(`the lock timeout does not name the holder "${holderDescription}": ${e.message.slice(0, 300)}`);
  }
  if ((await ctx.engine().getHistory()).some((h) => h.name === m.name)) failures.push('the contender recorded its migration while the lock was held');

  // (2) the holder dies
  if (!ns.multiProcess) {
    stopHolder = true;
    await holder.done;
    // An embedded database dies with its process: the holder is a child that opens it alone.
    await ctx.closeAdapter();
    let ready;
    const holding = new Promise((r) => (ready = r));
    holder = spawnRunner({ mode: 'hold-lock', target: ns, leaseMs: LEASE_MS }, { timeoutMs: 120_000, onLine: (msg) => msg.type === 'holding' && ready(msg) });
    const first = await Promise.race([holding, holder.exited.then((x) => ({ exited: x }))]);
    if (first.exited) failures.push(`the embedded lock holder could not start: ${first.exited.stderr.slice(0, 400)}`);
  }
  const killedAt = Date.now();
  holder.child.kill('SIGKILL');
  await holder.exited;
  let startedAt;
  try {
    const t0 = Date.now();
    await ctx.adapter();
    // Opening PGlite takes seconds and cannot start before its holder is dead; it is not waiting on the lock.
    counts.openMs = ns.multiProcess ? 0 : Date.now() - t0;
    const engine = ctx.engine({ lockTimeoutMs: 60_000, leaseMs: LEASE_MS, owner: 'reliability next runner', onProgress: (e) => e.type === 'migration:start' && (startedAt ??= Date.now()) });
    const r = await engine.up(m);
    if (r.outcome !== 'applied') failures.push(`the next runner's outcome is ${r.outcome}`);
    counts.takeoverMs = (startedAt ?? Date.now()) - killedAt;
    if (counts.takeoverMs - counts.openMs > LEASE_MS + SLACK_MS) failures.push(`the next runner waited ${counts.takeoverMs} ms after the holder's death (lease ${LEASE_MS} ms)`);
  } catch (error) {
    const e = describeError(error);
    failures.push(`the next runner failed after the holder was killed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 300)}`);
  }
  return {
    ok: failures.length === 0,
    counts,
    ms: Date.now() - started,
    summary: `live holder kept (${counts.liveTimeouts} timeout, holder named ${counts.namedHolder}), takeover ${counts.takeoverMs} ms after SIGKILL (lease ${LEASE_MS})`,
    failures,
  };
}
