import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry } from '../adapter/history.js';
import { CompensationImpossibleError, MigrationFailedError } from '../errors/errors.js';
import type { Operation } from '../model/operation.js';
import { inverseOf } from '../ops/inverse.js';
import { compilePlan } from './compile-plan.js';
import type { ProgressEvent } from './engine-options.js';
import type { LockGuard } from './lock-guard.js';
import { executeStep, segment } from './run-steps.js';

export interface CompensationRun {
  readonly adapter: Adapter;
  readonly guard: LockGuard;
  readonly emit: (event: ProgressEvent) => void;
  readonly entry: HistoryEntry;
  readonly options: { readonly [key: string]: unknown };
}

/**
 * Undoes the applied steps of a failed `up`, using the migration recorded in history: the inverse
 * of each fully applied op, newest first. After each op the row's `stepsApplied` moves back to the
 * op's first step, so an interrupted compensation can be resumed or compensated again; at zero the
 * row is removed. An op left half-applied cannot be inverted safely and is refused before any IO.
 */
export async function compensate(run: CompensationRun): Promise<number> {
  const { adapter, entry } = run;
  const m = entry.migration;
  const plan = compilePlan(adapter, m, 'up', m.up, run.options);
  const k = entry.stepsApplied;
  if (k > 0 && k < plan.steps.length && plan.opOfStep[k] === plan.opOfStep[k - 1]) {
    throw new CompensationImpossibleError(m.name, `operation ${(plan.opOfStep[k] ?? 0) + 1} (${m.up[plan.opOfStep[k] ?? 0]?.type}) is only partly applied`);
  }
  const lastDone = k === 0 ? -1 : (plan.opOfStep[k - 1] ?? -1);
  // inverse null: the op did nothing (ifNotExists found the table), so only the row moves back.
  const work: { index: number; inverse: Operation | null; firstStep: number }[] = [];
  for (let i = lastDone; i >= 0; i--) {
    const inv = inverseOf(m.up[i] as Operation);
    if (!inv.ok) throw new CompensationImpossibleError(m.name, inv.reason);
    work.push({ index: i, inverse: inv.op, firstStep: plan.opOfStep.indexOf(i) });
  }
  const compiled = work.map((w) => ({ ...w, steps: w.inverse ? compilePlan(adapter, m, 'down', [w.inverse], run.options).steps : [] }));
  let applied = k;
  for (const w of compiled) {
    try {
      // Like runSteps: steps that cannot run in a transaction (DROP INDEX CONCURRENTLY) run alone.
      const segments = segment(w.steps, 0, adapter.capabilities.transactionalDdl);
      if (segments.length === 0) segments.push({ transactional: true, from: 0, to: 0 });
      for (const seg of segments) {
        run.guard.assertHeld(m.name);
        const last = seg === segments[segments.length - 1];
        await adapter.withSession(seg.transactional ? 'transaction' : 'autocommit', async (session) => {
          for (let i = seg.from; i < seg.to; i++) await executeStep({ adapter, emit: run.emit, name: m.name, steps: w.steps }, i, session);
          if (!last) return;
          if (w.firstStep === 0) await adapter.history.remove(m.name, session);
          else await adapter.history.save({ ...entry, status: 'failed', stepsApplied: w.firstStep, error: `compensating: ${w.firstStep} steps still applied` }, session);
        });
      }
      applied = w.firstStep;
    } catch (error) {
      throw new MigrationFailedError(m.name, 'down', k - applied, k, false, error);
    }
  }
  if (k === 0) await adapter.history.remove(m.name);
  return k;
}
