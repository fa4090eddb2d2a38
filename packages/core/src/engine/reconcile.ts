import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry } from '../adapter/history.js';
import type { Operation } from '../model/operation.js';
import { compilePlan } from './compile-plan.js';
import type { ProgressEvent } from './engine-options.js';
import { effectsHold, effectsOfStep } from './step-effects.js';

/**
 * Before an interrupted run is resumed or compensated: a runner killed after a step took effect
 * but before its progress was written leaves that step applied and unrecorded. When the first
 * unrecorded step's effects hold in the live schema, it is recorded as applied (the row is saved),
 * so it is neither run twice nor left out of a compensation. Only that one step: steps run one at
 * a time, so at most one can be in that state.
 * A step marked `resumable` is left to run again when resuming (it finishes what is under way).
 * @example rows.set(entry.name, await reconcile(adapter, entry, {}, emit, 'resume'));
 */
export async function reconcile(
  adapter: Adapter,
  entry: HistoryEntry,
  options: { readonly [key: string]: unknown },
  emit: (e: ProgressEvent) => void,
  purpose: 'resume' | 'compensate',
): Promise<HistoryEntry> {
  if (entry.status === 'applied') return entry;
  const m = entry.migration;
  const ops: readonly Operation[] = entry.direction === 'up' ? m.up : (m.down ?? []);
  let plan;
  try {
    plan = compilePlan(adapter, m, entry.direction, ops, options);
  } catch {
    return entry; // The recorded migration no longer compiles here; the caller's checks report it.
  }
  const k = entry.stepsApplied;
  if (plan.steps.length !== entry.stepsTotal || k >= plan.steps.length) return entry;
  if (purpose === 'resume' && plan.steps[k]?.resumable) return entry;
  if (!(await effectsHold(adapter, effectsOfStep(plan, ops, k)))) return entry;
  const next: HistoryEntry = { ...entry, stepsApplied: k + 1 };
  await adapter.history.save(next);
  emit({ type: 'step:reconciled', name: m.name, index: k, total: plan.steps.length, summary: plan.steps[k]?.summary ?? '' });
  return next;
}
