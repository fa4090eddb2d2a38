import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry } from '../adapter/history.js';
import type { Operation } from '../model/operation.js';
import type { Step } from '../adapter/step.js';
import { FailedMigrationPendingError } from '../errors/errors.js';
import { compilePlan } from './compile-plan.js';
import type { ProgressEvent, Recovery } from './engine-options.js';
import { startedMark } from './run-steps.js';
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
export async function reconcile(adapter: Adapter, entry: HistoryEntry, options: { readonly [key: string]: unknown }, emit: (e: ProgressEvent) => void, purpose: Recovery): Promise<HistoryEntry> {
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
  if (entry.direction === 'up' && plan.steps[k]?.unverifiable && entry.error === startedMark(k, plan.steps)) return decideUncertain(adapter, entry, plan.steps, purpose, emit);
  if (purpose !== 'compensate' && plan.steps[k]?.resumable) return entry;
  if (!(await effectsHold(adapter, effectsOfStep(plan, ops, k)))) return entry;
  return recordStep(adapter, entry, plan.steps, emit);
}

async function recordStep(adapter: Adapter, entry: HistoryEntry, steps: readonly Step[], emit: (e: ProgressEvent) => void): Promise<HistoryEntry> {
  const k = entry.stepsApplied;
  const next: HistoryEntry = { ...entry, stepsApplied: k + 1, error: null };
  await adapter.history.save(next);
  emit({ type: 'step:reconciled', name: entry.name, index: k, total: steps.length, summary: steps[k]?.summary ?? '' });
  return next;
}

/**
 * A run was killed inside a raw step that ran outside a transaction: whether the statement took
 * effect only the user can tell (running it again could fail or apply it twice). Refused unless
 * the caller said: 'mark-ran' records it as applied, 'rerun' runs it again.
 */
async function decideUncertain(adapter: Adapter, entry: HistoryEntry, steps: readonly Step[], purpose: Recovery, emit: (e: ProgressEvent) => void): Promise<HistoryEntry> {
  if (purpose === 'rerun') return { ...entry, error: null };
  if (purpose === 'mark-ran') return recordStep(adapter, entry, steps, emit);
  const k = entry.stepsApplied;
  throw new FailedMigrationPendingError(
    entry.name,
    `was interrupted in step ${k + 1} of ${entry.stepsTotal} (${steps[k]?.summary ?? 'raw'}), a raw statement run outside a transaction: whether it took effect cannot be checked, so it is not run again blind`,
    "look at the database: if the statement took effect, run up with { recover: 'mark-ran' }; if it did not, run up with { recover: 'rerun' }",
  );
}
