import { type CompileContext, type Operation, type Step, ValidationError } from '@ductape/core';
import type { IndexEvent, KeyPatternCheck } from './index-events.js';
import { indexEvents, keyPatternConflicts } from './index-key-patterns.js';
import type { MongoCommandStep } from './step.js';

/**
 * Refuses, at compile time (before any IO), an index or unique constraint that `op` adds on a key
 * pattern an earlier op of the same migration already indexed (reliability finding 15).
 * @example assertNoRepeatedKeyPattern(op, ctx) // throws ValidationError 'duplicate_key_pattern'
 */
export function assertNoRepeatedKeyPattern(op: Operation, ctx: CompileContext): void {
  const ops = opsOf(ctx);
  if (ops[ctx.index] !== op) return;
  const path = `${ctx.direction}[${ctx.index}]`;
  const issues = keyPatternConflicts(indexEvents(ops.slice(0, ctx.index + 1), ctx.direction), () => undefined, '').filter((i) => i.path === path);
  if (issues.length > 0) throw new ValidationError(`migration "${ctx.migration.name}"`, issues);
}

/**
 * The steps of `op` with the live key-pattern check attached to the first command step of the
 * migration (the first op that sends anything), when a later op adds an index to a collection the
 * migration does not create: that step reads the live indexes and refuses the migration before
 * it changes anything (see execute/check-key-patterns.ts). `compileAlone` compiles an earlier op
 * without this, to know whether it sends anything.
 * @example withLiveKeyPatternCheck(op, ctx, steps, (o, c) => compileMongo(o, c, settings))
 */
export function withLiveKeyPatternCheck(op: Operation, ctx: CompileContext, steps: Step[], compileAlone: (op: Operation, ctx: CompileContext) => Step[]): Step[] {
  const ops = opsOf(ctx);
  if (ops[ctx.index] !== op) return steps;
  const first = steps.findIndex((s) => s.kind === 'command');
  if (first < 0) return steps;
  for (const [j, earlier] of ops.slice(0, ctx.index).entries()) {
    if (earlier.type === 'createCollection' && earlier.existed) continue; // core compiles it to a no-op
    try {
      if (compileAlone(earlier, { ...ctx, index: j }).some((s) => s.kind === 'command')) return steps;
    } catch {
      return steps;
    }
  }
  const events = indexEvents(ops, ctx.direction);
  if (!addsToExisting(events)) return steps;
  const check: KeyPatternCheck = { migration: ctx.migration.name, events };
  return steps.map((s, i) => (i === first ? ({ ...s, keyPatternCheck: check } as MongoCommandStep) : s));
}

function opsOf(ctx: CompileContext): readonly Operation[] {
  return (ctx.direction === 'up' ? ctx.migration?.up : ctx.migration?.down) ?? [];
}

// True when an index is added to a collection this migration did not create (only the live ones can clash with it).
function addsToExisting(events: readonly IndexEvent[]): boolean {
  const created = new Set<string>();
  for (const e of events) {
    if (e.kind === 'blind') return false;
    if (e.kind === 'create') created.add(e.collection);
    else if (e.kind === 'renameCollection') {
      if (created.has(e.from)) created.add(e.to);
      else created.delete(e.to);
    } else if (e.kind === 'add' && !created.has(e.collection)) return true;
  }
  return false;
}
