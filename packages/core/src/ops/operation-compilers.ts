import type { Step } from '../adapter/step.js';
import { InvalidArgumentError } from '../errors/errors.js';
import type { Operation, OperationType } from '../model/operation.js';
import type { OperationOf } from './operation-module.js';

/**
 * An adapter's compile dispatch: one compiler per operation type. A type missing here (a new
 * member of core's `Operation`) fails the adapter's type check, naming the adapter.
 * @example
 * const compilers: OperationCompilers<{ settings: CompileSettings }> = { addField: (op, { settings }) => compileAddField(op, settings), … };
 */
export type OperationCompilers<Ctx, Out = Step[]> = { readonly [T in OperationType]: (op: OperationOf<T>, ctx: Ctx) => Out };

/**
 * Runs the compiler of `op`'s type. An object whose type is not an operation is refused with
 * InvalidArgumentError, as `assertNever` does.
 * @example compileWith(compilers, op, { ctx, settings })
 */
export function compileWith<Ctx, Out>(compilers: OperationCompilers<Ctx, Out>, op: Operation, ctx: Ctx): Out {
  const type: unknown = typeof op === 'object' && op !== null ? op.type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(compilers, type)) throw new InvalidArgumentError('operation', 'a known operation', op);
  return (compilers[type as OperationType] as (op: Operation, ctx: Ctx) => Out)(op, ctx);
}
