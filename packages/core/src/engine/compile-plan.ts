import type { Adapter, CompileContext } from '../adapter/adapter.js';
import { ValidationError } from '../errors/errors.js';
import { canonicalJson } from '../helpers/canonical-json.js';
import { applyChanges } from '../ops/field-changes.js';
import { missingPrevious } from './resolve.js';
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
export function compilePlan(adapter: Adapter, migration: Migration, direction: 'up' | 'down', ops: readonly Operation[], options: { readonly [key: string]: unknown }): CompiledPlan {
  assertCapabilities(adapter, ops, migration?.name);
  const steps: Step[] = [];
  const opOfStep: number[] = [];
  ops.forEach((op, index) => {
    for (const step of compileOp(adapter, op, { migration, direction, index, options })) {
      steps.push(step);
      opOfStep.push(index);
    }
  });
  return { steps, opOfStep };
}

function compileOp(adapter: Adapter, op: Operation, ctx: CompileContext): Step[] {
  const path = `${ctx.direction}[${ctx.index}]`;
  if (op.type === 'createCollection' && op.existed) {
    return [{ kind: 'noop', summary: `create ${op.name}: already exists`, reason: `"${op.name}" already existed (ifNotExists), so this migration neither creates nor drops it` }];
  }
  const missing = ctx.direction === 'up' ? missingPrevious(op) : undefined;
  if (missing) {
    throw new ValidationError(`migration "${ctx.migration?.name}"`, [
      { code: 'needs_live_schema', path, message: `${missing}; the engine reads it from the database when it applies the migration (engine.up, or engine.preview to see the steps), or pass previous` },
    ]);
  }
  const steps = adapter.compile(op, ctx);
  if (op.type === 'raw') return steps.map((s) => ({ ...s, unverifiable: true }));
  if (steps.length > 0) return steps;
  if (op.type === 'modifyField' && op.previous && canonicalJson(applyChanges(op.previous, op.changes)) === canonicalJson(op.previous)) {
    return [{ kind: 'noop', summary: `modify ${op.collection}.${op.field}: already so`, reason: `"${op.collection}.${op.field}" already has ${canonicalJson(op.changes)}` }];
  }
  throw new ValidationError(`migration "${ctx.migration?.name}"`, [
    {
      code: 'no_effect',
      path,
      message: `${op.type} compiles to nothing on ${adapter.name} although it names a change; nothing was run. Report this as a bug, and meanwhile express the change with a raw operation`,
    },
  ]);
}
