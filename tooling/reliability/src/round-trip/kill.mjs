import { spawnRunner } from '../spawn-child.mjs';

/**
 * Applies `m` in a child runner (the crash property's machinery) and SIGKILLs it at a random
 * step: right after a `step:done`, or a few ms after a `step:start`. Resolves `{ killed, error? }`;
 * the caller's next `up(m)` must resume it to the same schema.
 * @example const { killed } = await killedRun(ns, migration, Math.random);
 */
export async function killedRun(ns, m, random) {
  const plan = { phase: random() < 0.5 ? 'done' : 'start', fraction: random(), delayMs: Math.floor(random() * 20) };
  let target = -1;
  let killed = false;
  const child = spawnRunner(
    { target: ns, migrations: [m], engine: { leaseMs: 3_000, lockTimeoutMs: 60_000, owner: 'reliability roundTrip kill' } },
    {
      timeoutMs: 120_000,
      onLine: (msg, proc) => {
        if (msg.type !== 'progress' || killed) return;
        const e = msg.event;
        if (e.type === 'migration:start') target = Math.min(e.stepsTotal - 1, Math.floor(plan.fraction * e.stepsTotal));
        if (e.index !== target || !((plan.phase === 'done' && e.type === 'step:done') || (plan.phase === 'start' && e.type === 'step:start'))) return;
        killed = true;
        if (plan.phase === 'start' && plan.delayMs > 0) setTimeout(() => proc.kill('SIGKILL'), plan.delayMs);
        else proc.kill('SIGKILL');
      },
    },
  );
  const exit = await child.exited;
  if (exit.signal === 'SIGKILL') return { killed: true };
  if (exit.code === 0) return { killed: false };
  const err = exit.messages.find((x) => x.type === 'error')?.error;
  // A child refused before any change (typed) is what the in-process up will say too.
  if (err && typeof err.code === 'string' && err.code.startsWith('DUCTAPE_')) return { killed: false };
  return { killed: false, error: JSON.stringify(err ?? exit.stderr.slice(0, 300)) };
}
