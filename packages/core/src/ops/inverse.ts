import { InvalidArgumentError } from '../errors/errors.js';
import type { Operation } from '../model/operation.js';
import type { Inverse } from './operation-module.js';
import { operationModule } from './registry.js';

export type { Inverse } from './operation-module.js';
export { applyChanges } from './field-changes.js';
export { withoutUndefined } from '../helpers/without-undefined.js';

/**
 * The operation that undoes `op` (each op's own inverse, `src/ops/<op>.ts`). Drops need
 * `previous` (the old definition, which the sdk introspects) to be undone.
 * @example inverseOf({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } })
 * // { ok: true, op: { type: 'dropField', collection: 'users', field: 'phone' } }
 */
export function inverseOf(op: Operation): Inverse {
  if (typeof op !== 'object' || op === null) throw new InvalidArgumentError('the operation', 'an operation object', op);
  const module = operationModule(op);
  if (!module) throw new InvalidArgumentError('operation', 'a known operation', op);
  return module.inverse(op);
}
