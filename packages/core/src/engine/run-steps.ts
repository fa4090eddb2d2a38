import type { Adapter } from '../adapter/adapter.js';
import type { HistoryEntry, StepWarning } from '../adapter/history.js';
import type { Session } from '../adapter/session.js';
import type { Step } from '../adapter/step.js';
import { MigrationFailedError } from '../errors/errors.js';
import type { ProgressEvent } from './engine-options.js';
import type { LockGuard } from './lock-guard.js';

/** One contiguous piece of work: several steps in a transaction, or one step on its own. */
interface Segment {
  readonly transactional: boolean;
  readonly from: number;
  readonly to: number; // exclusive
}

export interface StepRun {
  readonly adapter: Adapter;
  readonly guard: LockGuard;
  readonly emit: (event: ProgressEvent) => void;
  readonly name: string;
  readonly direction: 'up' | 'down';
  readonly steps: readonly Step[];
  readonly startIndex: number;
  /** The row as it stands while running; `stepsApplied` is filled in per save. */
  readonly running: HistoryEntry;
  /** Writes the final state (applied row, or removal after a rollback) with the last segment. */
  readonly finish: (session: Session | undefined) => Promise<void>;
  /** Called after each segment commits, with the count of steps now applied. */
  readonly onProgress?: (stepsApplied: number, session: Session | undefined) => Promise<void>;
  /** Where the server's warnings about the steps are gathered (shared with `finish`); each history write carries them. */
  readonly warnings: StepWarning[];
}

/**
 * Splits steps from `start` into segments: on transactional-DDL adapters, runs of steps that may
 * share a transaction; elsewhere (and for steps marked outsideTransaction), one step each.
 */
export function segment(steps: readonly Step[], start: number, transactionalDdl: boolean): Segment[] {
  const segments: Segment[] = [];
  let i = start;
  while (i < steps.length) {
    if (transactionalDdl && !steps[i]?.outsideTransaction) {
      let j = i;
      while (j < steps.length && !steps[j]?.outsideTransaction) j++;
      segments.push({ transactional: true, from: i, to: j });
      i = j;
    } else {
      segments.push({ transactional: false, from: i, to: i + 1 });
      i++;
    }
  }
  return segments;
}

/**
 * Runs the steps of one migration from `startIndex`, recording progress after each segment, and
 * the final state inside the last segment's transaction when there is one. On failure it records
 * the row as failed with the steps applied and throws MigrationFailedError.
 */
export async function runSteps(run: StepRun): Promise<number> {
  const { adapter, steps } = run;
  const segments = segment(steps, run.startIndex, adapter.capabilities.transactionalDdl);
  const single = segments.length === 1 && segments[0]?.transactional === true;
  // A run that is one transaction needs no 'running' row: a crash leaves nothing behind.
  if (!single) await adapter.history.save(withWarnings({ ...run.running, stepsApplied: run.startIndex }, run.warnings));
  let applied = run.startIndex;
  let current: Segment | undefined;
  // The step being executed: the one that failed, when it is not the first step left unapplied
  // (a rolled-back transaction takes the earlier steps of its segment with it).
  let executing = run.startIndex;
  try {
    for (const seg of segments) {
      current = seg;
      run.guard.assertHeld(run.name);
      const last = seg === segments[segments.length - 1];
      await adapter.withSession(seg.transactional ? 'transaction' : 'autocommit', async (session) => {
        for (let i = seg.from; i < seg.to; i++) {
          if (!seg.transactional && run.direction === 'up' && steps[i]?.unverifiable)
            await adapter.history.save(withWarnings({ ...run.running, stepsApplied: i, error: startedMark(i, steps) }, run.warnings));
          executing = i;
          await executeStep(run, i, session);
        }
        if (seg.transactional) await commitPoint(run, seg.to, last, session);
      });
      applied = seg.to;
      if (!seg.transactional) await commitPoint(run, seg.to, last, undefined);
    }
    if (segments.length === 0) await run.finish(undefined);
    return applied;
  } catch (error) {
    const rolledBack = current?.transactional === true;
    await recordFailure(run, applied, error);
    throw new MigrationFailedError(run.name, run.direction, applied, steps.length, rolledBack && applied === 0, error, executing);
  }
}

/**
 * What the history row says while an unverifiable step runs outside a transaction: a row still
 * saying so on the next run was interrupted in that step, which may or may not have run.
 * @example startedMark(2, steps) // 'interrupted? step 3 of 4 started and not recorded as finished: raw mysql'
 */
export function startedMark(index: number, steps: readonly Step[]): string {
  return `interrupted? step ${index + 1} of ${steps.length} started and not recorded as finished: ${steps[index]?.summary ?? ''}`.slice(0, 4000);
}

async function commitPoint(run: StepRun, applied: number, last: boolean, session: Session | undefined): Promise<void> {
  if (last) return run.finish(session);
  if (run.onProgress) return run.onProgress(applied, session);
  await run.adapter.history.save(withWarnings({ ...run.running, stepsApplied: applied }, run.warnings), session);
}

/**
 * The row with the warnings gathered so far (left as it is when there are none, so a row without
 * warnings is written as before).
 * @example withWarnings(running, [{ step: 0, summary: 'raw postgres', message: 'WARNING 01000: careful' }])
 */
export function withWarnings(entry: HistoryEntry, warnings: readonly StepWarning[]): HistoryEntry {
  return warnings.length === 0 ? entry : { ...entry, warnings: [...warnings] };
}

/**
 * Runs one step, emitting its progress, and each warning the server raised about it (a
 * `step:warning` event, and an entry in `run.warnings` when given).
 * @example await executeStep({ adapter, emit, name: m.name, steps, warnings }, 0, session)
 */
export async function executeStep(run: Pick<StepRun, 'adapter' | 'emit' | 'name' | 'steps'> & { readonly warnings?: StepWarning[] }, index: number, session: Session): Promise<void> {
  const step = run.steps[index] as Step;
  const total = run.steps.length;
  run.emit({ type: 'step:start', name: run.name, index, total, summary: step.summary });
  const started = Date.now();
  const outcome = step.kind !== 'noop' ? await run.adapter.execute(step, session) : undefined;
  for (const message of outcome?.warnings ?? []) {
    run.warnings?.push({ step: index, summary: step.summary, message });
    run.emit({ type: 'step:warning', name: run.name, index, total, summary: step.summary, message });
  }
  run.emit({ type: 'step:done', name: run.name, index, total, summary: step.summary, ms: Date.now() - started });
}

async function recordFailure(run: StepRun, applied: number, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  run.emit({ type: 'migration:failed', name: run.name, direction: run.direction, stepsApplied: applied, stepsTotal: run.steps.length, error: message });
  try {
    await run.adapter.history.save(withWarnings({ ...run.running, status: 'failed', stepsApplied: applied, error: message.slice(0, 4000) }, run.warnings));
  } catch {
    // The database is unreachable; the row still says 'running', which the next run treats as interrupted.
  }
}
