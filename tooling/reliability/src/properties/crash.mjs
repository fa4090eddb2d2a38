import { checksum } from '@ductape/core';
import { nodeSchemaCheck } from '../cluster-checks.mjs';
import { crashMigrations } from '../workloads.mjs';
import { describeError } from '../run-up.mjs';
import { schemaOf } from '../snapshot.mjs';
import { spawnRunner } from '../spawn-child.mjs';

const ROWS = 20;

/**
 * Crash: `trials` times, a runner applying a multi-step migration is SIGKILLed at a random step
 * (right after a step ends, or a random few ms after one starts). Then: the history shows the run
 * as interrupted or failed with no more steps recorded than ran; the next `up` resumes (even
 * trials) or compensates and re-applies (odd trials; where the engine refuses to compensate an
 * operation cut in half, DUCTAPE_COMPENSATION_IMPOSSIBLE, it resumes as the error advises); the final schema equals the one-shot schema;
 * the rows seeded beforehand are all there. `duplicates` counts steps the recovery ran again without
 * compensating first although they were recorded as applied or (no transactional DDL) the killed
 * runner had finished them — the one step a resume repeats by design, an unrecorded `resumable`
 * one, is not counted — plus history rows beyond one.
 * On a cluster target the killed runner of trial t is on node (t + 1) mod n and the recovery on
 * node 1 (so two trials in three resume on another node), and after each trial every node's own
 * catalog must be the same (`schemaEqualOnAllNodes`). `takeoverMsMin`/`Max`: from a kill to the
 * recovery's `migration:start` (the lease of the dead runner has run out and the lock is taken).
 * @example const r = await crash(ctx, { trials: 20 });
 * @param {import('../suite-context.mjs').SuiteContext} ctx
 * @param {{ trials: number }} size
 */
export async function crash(ctx, size) {
  const { ns } = ctx;
  const failures = [];
  const counts = {
    trials: size.trials,
    killed: 0,
    finishedFirst: 0,
    running: 0,
    failed: 0,
    notRecorded: 0,
    resumed: 0,
    compensated: 0,
    compensationRefused: 0,
    equalSchema: 0,
    rowsKept: 0,
    duplicates: 0,
  };
  const nodes = ns.runnerConnections ?? [ns.connection];
  let nodeChecks = 0;
  let nodesEqual = 0;
  /** Per killed trial: from the kill to the recovery's migration:start (its lock taken). */
  const takeovers = [];
  const started = Date.now();
  const reference = await oneShot(ctx, 'ref');

  for (let t = 0; t < size.trials; t++) {
    const label = `t${t}`;
    const w = rename(crashMigrations(), label);
    const adapter = await ctx.adapter();
    const engine = ctx.engine();
    await engine.up(w.setup);
    await (await ctx.probe()).insertRows(w.dataTable, ROWS);
    const caps = adapter.capabilities;
    if (!ns.multiProcess) await ctx.closeAdapter();

    const plan = { phase: ctx.random() < 0.5 ? 'done' : 'start', fraction: ctx.random(), delayMs: Math.floor(ctx.random() * 20) };
    let target = -1;
    let starts = 0;
    let dones = 0;
    const childDone = new Set();
    let killed = false;
    let killedAt = 0;
    const node = (t + 1) % nodes.length;
    const child = spawnRunner(
      { target: { ...ns, connection: nodes[node] }, migrations: [w.steps], engine: { leaseMs: 3_000, lockTimeoutMs: 60_000, owner: `reliability crash trial ${t}` } },
      {
        timeoutMs: 300_000,
        onLine: (m, proc) => {
          if (m.type !== 'progress') return;
          const e = m.event;
          // Count every event the child wrote, also those that arrive after the kill was sent.
          if (e.type === 'step:start') starts++;
          if (e.type === 'step:done') {
            dones++;
            childDone.add(e.index);
          }
          if (killed) return;
          if (e.type === 'migration:start') target = Math.min(e.stepsTotal - 1, Math.floor(plan.fraction * e.stepsTotal));
          const hit = e.index === target && ((plan.phase === 'done' && e.type === 'step:done') || (plan.phase === 'start' && e.type === 'step:start'));
          if (!hit) return;
          killed = true;
          const kill = () => {
            killedAt = Date.now();
            proc.kill('SIGKILL');
          };
          if (plan.phase === 'start' && plan.delayMs > 0) setTimeout(kill, plan.delayMs);
          else kill();
        },
      },
    );
    const exit = await child.exited;
    const wasKilled = exit.signal === 'SIGKILL';
    if (wasKilled) counts.killed++;
    else if (exit.code === 0) counts.finishedFirst++;
    else failures.push(`trial ${t}: the runner failed on its own (${exit.code}): ${JSON.stringify(exit.messages.find((m) => m.type === 'error')?.error ?? exit.stderr.slice(0, 300))}`);

    await ns.settle?.();
    await ctx.adapter();
    const recover = t % 2 === 1 ? 'compensate' : 'resume';
    const resumable = await resumableSteps(ctx.engine(), w.steps);
    const recoveryDone = new Set();
    let undone = false;
    const onProgress = (e) => {
      if (e.type === 'migration:start' && wasKilled && takeovers.length < counts.killed) takeovers.push(Date.now() - killedAt);
      if (e.type === 'step:done' && e.name === w.steps.name) recoveryDone.add(e.index);
      if (e.type === 'migration:done' && e.outcome === 'compensated') undone = true;
    };
    const row = (await ctx.engine().getHistory()).find((h) => h.name === w.steps.name);
    if (wasKilled) {
      if (!row) {
        counts.notRecorded++;
        // Without a row nothing may be left applied: only an all-in-one-transaction run leaves none.
        if (!caps.transactionalDdl && starts > 0) failures.push(`trial ${t}: killed after ${starts} step(s) started, but no history row records the run`);
      } else if (row.status === 'running' || row.status === 'failed') {
        counts[row.status]++;
        if (row.stepsApplied > dones) failures.push(`trial ${t}: history says ${row.stepsApplied} steps applied, only ${dones} finished before the kill`);
      } else if (row.status === 'applied' && dones < row.stepsTotal) {
        failures.push(`trial ${t}: history says applied, but only ${dones} of ${row.stepsTotal} steps finished before the kill`);
      }
    }
    try {
      let result;
      try {
        result = await ctx.engine({ owner: `reliability recovery ${t}`, onProgress }).up(w.steps, { recover });
        if (recover === 'compensate' && row && row.status !== 'applied') counts.compensated++;
      } catch (error) {
        // An operation cut in half cannot be inverted; the engine says so before any IO and
        // advises resuming, which is what a user does next.
        if (recover !== 'compensate' || describeError(error).code !== 'DUCTAPE_COMPENSATION_IMPOSSIBLE') throw error;
        counts.compensationRefused++;
        result = await ctx.engine({ owner: `reliability recovery ${t}`, onProgress }).up(w.steps);
      }
      if (result.outcome === 'resumed') counts.resumed++;
    } catch (error) {
      const e = describeError(error);
      failures.push(
        `trial ${t} (${plan.phase} of step ${target}, row ${row ? `${row.status} ${row.stepsApplied}/${row.stepsTotal}` : 'none'}): up with recover '${recover}' failed: ${e.name} ${e.code ?? ''} ${e.message.slice(0, 400)}`,
      );
      continue;
    }
    if (!undone) {
      // Run again: a step recorded as applied, or (where DDL is not transactional, so a finished
      // step stays done) one the killed runner finished, unless it is the unrecorded resumable one.
      const recorded = row?.stepsApplied ?? 0;
      const again = [...recoveryDone].filter((i) => i < recorded || (!caps.transactionalDdl && childDone.has(i) && !(resumable.has(i) && i === recorded)));
      if (again.length > 0) {
        counts.duplicates += again.length;
        failures.push(`trial ${t}: the recovery ran step(s) ${again.join(', ')} again, which the killed runner had finished`);
      }
    }
    const rowsOfRun = (await ctx.engine().getHistory()).filter((h) => h.name === w.steps.name);
    if (rowsOfRun.length > 1) {
      counts.duplicates += rowsOfRun.length - 1;
      failures.push(`trial ${t}: history holds ${rowsOfRun.length} rows for ${w.steps.name}`);
    }
    const after = rowsOfRun[0];
    if (after?.status !== 'applied' || after.checksum !== checksum(w.steps))
      failures.push(`trial ${t}: after recovery the row is ${after ? `${after.status} ${after.stepsApplied}/${after.stepsTotal}` : 'missing'}`);
    const schema = unlabel(await schemaOf(await ctx.adapter(), w.tables), label);
    if (schema === reference) counts.equalSchema++;
    else failures.push(`trial ${t} (${recover}): the schema differs from the one-shot schema: ${diff(schema, reference)}`);
    const kept = await (await ctx.probe()).countRows(w.dataTable);
    if (kept === ROWS) counts.rowsKept++;
    else failures.push(`trial ${t}: ${kept} of ${ROWS} seeded rows left`);
    const check = await nodeSchemaCheck(ns);
    if (check) {
      nodeChecks++;
      if (check.equal) nodesEqual++;
      else failures.push(`trial ${t} (runner on node ${node + 1}): the nodes hold different schemas: ${check.detail}`);
    }
  }
  const cluster = nodeChecks > 0 ? { nodes: nodes.length, nodeChecks, schemaEqualOnAllNodes: nodesEqual === nodeChecks } : {};
  const takeover = takeovers.length > 0 ? { takeoverMsMin: Math.min(...takeovers), takeoverMsMax: Math.max(...takeovers) } : {};
  return {
    ok: failures.length === 0,
    counts: { ...counts, ...cluster, ...takeover },
    ms: Date.now() - started,
    summary: `${counts.killed}/${size.trials} killed (${counts.running} running, ${counts.failed} failed, ${counts.notRecorded} unrecorded), ${counts.equalSchema} equal schemas, ${counts.rowsKept} kept rows, ${counts.duplicates} duplicates${nodeChecks > 0 ? `, schema equal on all ${nodes.length} nodes after ${nodesEqual}/${nodeChecks} trials` : ''}${takeovers.length > 0 ? `, takeover ${takeover.takeoverMsMin}–${takeover.takeoverMsMax} ms` : ''}`,
    failures,
  };
}

/** Indices of the steps of `m` marked resumable (run again when a resume finds them unrecorded). */
async function resumableSteps(engine, m) {
  let plan;
  try {
    plan = engine.plan(m);
  } catch {
    plan = await engine.preview(m);
  }
  return new Set(plan.steps.flatMap((s, i) => (s.resumable ? [i] : [])));
}

async function oneShot(ctx, label) {
  const w = rename(crashMigrations(), label);
  await ctx.adapter();
  const engine = ctx.engine();
  await engine.up(w.setup);
  await engine.up(w.steps);
  return unlabel(await schemaOf(await ctx.adapter(), w.tables), label);
}

/** The crash workload with every name carrying the trial label, so trials never share objects. */
function rename(w, label) {
  const json = JSON.stringify({ setup: w.setup, steps: w.steps, tables: w.tables }).replaceAll('crash_', `crash_${label}_`);
  const out = JSON.parse(json);
  return { ...out, dataTable: `crash_${label}_data` };
}

function unlabel(text, label) {
  return text.replaceAll(`crash_${label}_`, 'crash_');
}

function diff(a, b) {
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return `at …${a.slice(Math.max(0, i - 80), i + 120)}… vs …${b.slice(Math.max(0, i - 80), i + 120)}…`;
}
