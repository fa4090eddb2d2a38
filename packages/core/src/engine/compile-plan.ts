import type { Adapter } from '../adapter/adapter.js';
import type { Step } from '../adapter/step.js';
import type { Migration } from '../model/migration.js';
import type { Operation } from '../model/operation.js';
import { assertCapabilities } from './required-capability.js';

/** The steps of one direction of a migration, and which op each step came from. */
export interface CompiledPlan {
  readonly steps: readonly Step[];
  readonly opOfStep: readonly number[];
}

/**
 * Capability check, then compile of every op (pure; no IO).
 * @example compilePlan(adapter, m, 'up', m.up, {}).steps.map((s) => s.summary)
 */
export function compilePlan(
  adapter: Adapter,
  migration: Migration,
  direction: 'up' | 'down',
  ops: readonly Operation[],
  options: { readonly [key: string]: unknown },
): CompiledPlan {
  assertCapabilities(adapter, ops, migration?.name);
  const steps: Step[] = [];
  const opOfStep: number[] = [];
  ops.forEach((op, index) => {
    for (const step of adapter.compile(op, { migration, direction, index, options })) {
      steps.push(step);
      opOfStep.push(index);
    }
  });
  return { steps, opOfStep };
}
