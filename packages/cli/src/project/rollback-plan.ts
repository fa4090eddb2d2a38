import type { Adapter, HistoryEntry, HistoryRow, Operation, Step } from '@ductape/sdk';
import { usageError } from '../cli/cli-error.js';

/** One migration `down` acts on: rolled back with its down operations, or (a failed run) compensated. */
export interface RollbackItem<E extends HistoryRow = HistoryEntry> {
  readonly entry: E;
  /** `compensate`: a failed or interrupted `up` — its applied steps are undone. `down`: an applied migration (or a rollback that stopped part-way) is rolled back. */
  readonly action: 'compensate' | 'down';
}

/** What `--to` / `--steps` ask of `down` (and `plan --down`). `to: '0'` means everything. */
export interface RollbackRange {
  readonly to?: string;
  readonly steps?: number;
}

/** `--to 0`: roll back every migration in the history. */
export const EVERYTHING = '0';

/**
 * The history rows `ductape down` acts on, newest first, in the engine's history order (apply
 * order: failed or interrupted runs come last, so they are undone first). Every row counts as one
 * step: a failed `up` is compensated (its applied steps undone), any other row rolled back.
 * `to` keeps that row and everything before it (`'0'`: nothing is kept); `steps` takes the last n.
 * @example rollbackSelection(await engine.getHistoryRows(), { steps: 1 }) // [{ entry: m2, action: 'compensate' }]
 */
export function rollbackSelection<E extends HistoryRow>(history: readonly E[], range: RollbackRange): RollbackItem<E>[] {
  let chosen: readonly E[];
  if (range.to === EVERYTHING) chosen = history;
  else if (range.to !== undefined) {
    const i = history.findIndex((e) => e.tag === range.to || e.name === range.to);
    if (i < 0) throw usageError(`"${range.to}" is not in the history`, 'run `ductape history` for the tags, or pass `--to 0` to roll back everything');
    chosen = history.slice(i + 1);
  } else chosen = history.slice(-(range.steps ?? 1));
  return [...chosen].reverse().map((entry) => ({ entry, action: entry.direction === 'up' && entry.status !== 'applied' ? 'compensate' : 'down' }));
}

/**
 * `items` with the migrations recorded for them, read in one call (only the chosen rows' bodies).
 * @example await withRecorded(engine, rollbackSelection(await engine.getHistoryRows(), { steps: 1 }))
 */
export async function withRecorded(engine: { loadMigrations(rows: readonly HistoryRow[]): Promise<HistoryEntry[]> }, items: readonly RollbackItem<HistoryRow>[]): Promise<RollbackItem[]> {
  const full = await engine.loadMigrations(items.map((i) => i.entry));
  return items.map((item, i) => ({ action: item.action, entry: full[i] as HistoryEntry }));
}

/**
 * The operations compensating `entry` runs, in order: the inverse of each fully applied up
 * operation, newest first (as the engine's `compensate` does, from the migration recorded in
 * history). An operation without an inverse, or only partly applied, is left out: the engine
 * refuses that compensation before any change.
 * @example compensationOps(adapter, failedEntry) // [{ type: 'createIndex', … }]
 */
export async function compensationOps(adapter: Adapter, entry: HistoryEntry): Promise<{ index: number; op: Operation }[]> {
  const { inverseOf } = await import('@ductape/sdk');
  const m = entry.migration;
  const opOfStep: number[] = [];
  m.up.forEach((op, index) => {
    for (const _ of adapter.compile(op, { migration: m, direction: 'up', index, options: {} })) opOfStep.push(index);
  });
  const k = entry.stepsApplied;
  const lastDone = k === 0 ? -1 : (opOfStep[k - 1] ?? -1);
  const out: { index: number; op: Operation }[] = [];
  for (let index = lastDone; index >= 0; index--) {
    const inv = inverseOf(m.up[index] as Operation);
    if (inv.ok && inv.op) out.push({ index, op: inv.op }); // op null: the op did nothing, nothing to undo
  }
  return out;
}

/**
 * The steps `down` would run for `item`: the recorded migration's down steps (from the step a
 * stopped rollback reached), or the compensation's steps.
 * @example await rollbackSteps(adapter, engine, item)
 */
export async function rollbackSteps(adapter: Adapter, engine: { plan(m: HistoryEntry['migration'], d: 'up' | 'down'): { steps: readonly Step[] } }, item: RollbackItem): Promise<readonly Step[]> {
  const { entry } = item;
  if (item.action === 'down') {
    const steps = engine.plan(entry.migration, 'down').steps;
    return entry.direction === 'down' ? steps.slice(entry.stepsApplied) : steps;
  }
  const ops = await compensationOps(adapter, entry);
  return ops.flatMap(({ op }) => adapter.compile(op, { migration: entry.migration, direction: 'down', index: 0, options: {} }));
}

/**
 * The operations `down` would run for `item` (what the production guard looks at).
 * @example await rollbackOps(adapter, item)
 */
export async function rollbackOps(adapter: Adapter, item: RollbackItem): Promise<readonly Operation[]> {
  return item.action === 'down' ? item.entry.migration.down : (await compensationOps(adapter, item.entry)).map((x) => x.op);
}
