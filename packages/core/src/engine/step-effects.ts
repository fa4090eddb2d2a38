import type { Adapter } from '../adapter/adapter.js';
import type { StepEffect } from '../adapter/step.js';
import type { Operation } from '../model/operation.js';
import { operationModule } from '../ops/registry.js';
import type { CompiledPlan } from './compile-plan.js';

/**
 * What an operation makes true, as facts introspection can check (each op's own effects,
 * `src/ops/<op>.ts`); empty when it cannot be told (modifyField, raw). The engine attributes them to the operation's first step.
 * @example effectsOfOperation({ type: 'addField', collection: 'users', field: { name: 'age', type: 'integer' } })
 * // [{ kind: 'field', collection: 'users', name: 'age', exists: true }]
 */
export function effectsOfOperation(op: Operation): StepEffect[] {
  return operationModule(op)?.effects(op) ?? [];
}

/**
 * The effects of step `k` of a plan: the step's own, else its operation's when it is the
 * operation's first step (later steps of an operation are expected to be safe to repeat).
 * @example effectsOfStep(plan, m.up, 2)
 */
export function effectsOfStep(plan: CompiledPlan, ops: readonly Operation[], k: number): readonly StepEffect[] {
  const step = plan.steps[k];
  if (!step) return [];
  if (step.effects) return step.effects;
  const op = plan.opOfStep[k] ?? -1;
  if (plan.opOfStep[k - 1] === op || !ops[op]) return [];
  return effectsOfOperation(ops[op] as Operation);
}

/**
 * True when every effect holds in the live schema (one introspection per collection). An empty
 * list, or an introspection that fails, gives false: the step is then run again as before.
 * @example await effectsHold(adapter, [{ kind: 'collection', collection: 'users', exists: true }])
 */
export async function effectsHold(adapter: Adapter, effects: readonly StepEffect[]): Promise<boolean> {
  if (effects.length === 0) return false;
  try {
    const seen = new Map<string, Awaited<ReturnType<Adapter['introspect']>>>();
    for (const e of effects) {
      if (!seen.has(e.collection)) seen.set(e.collection, await adapter.introspect(e.collection));
      const snap = seen.get(e.collection);
      let present: boolean;
      if (e.kind === 'collection') present = snap !== undefined;
      else if (e.kind === 'field') present = snap?.fields.some((f) => f.name === e.name) ?? false;
      else if (e.kind === 'index') present = snap?.indexes?.some((i) => i.name === e.name) ?? false;
      else present = snap?.constraints?.some((c) => c.name === e.name) ?? false;
      if (present !== e.exists) return false;
    }
    return true;
  } catch {
    return false;
  }
}
