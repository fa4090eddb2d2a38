import type { Migration, Operation, Step } from '@ductape/core';
import { migration } from '@ductape/core';
import { DynamoCompiler } from '../../src/dynamo-compiler.js';
import { AWS_FEATURES, type DynamoFeatures } from '../../src/dynamo-probe.js';

/**
 * Compiles every `up` op of a migration (no IO, no server).
 * @example compileUp(migration('x').dropCollection('users').build())
 */
export function compileUp(m: Migration, prefix = '', features: DynamoFeatures = AWS_FEATURES): Step[] {
  const compiler = new DynamoCompiler(prefix, features);
  return m.up.flatMap((op, index) => compiler.compile(op, { migration: m, direction: 'up', index, options: {} }));
}

/** Compiles one op inside a one-op migration. */
export function compileOp(op: Operation, prefix = ''): Step[] {
  return compileUp(migration('golden').operation(op).build(), prefix);
}

/** The command input of a compiled step (for assertions on one part of it). */
export function inputOf(step: Step | undefined): Record<string, unknown> {
  if (step?.kind !== 'command') throw new Error(`expected a command step, got ${step?.kind}`);
  return (step.args as { input: Record<string, unknown> }).input;
}
