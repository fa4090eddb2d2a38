import type { CollectionSnapshot, Operation } from '../model/operation.js';
import { InvalidArgumentError } from '../errors/errors.js';
import { operationModule } from '../ops/registry.js';

export { referencingKeysIn } from '../ops/memory-collections.js';

/**
 * Applies one operation to in-memory collections with a real server's strictness (each op's own
 * `applyInMemory`, `src/ops/<op>.ts`): creating what exists or dropping what does not fails, as
 * it would on PostgreSQL.
 * @example applyOperation(collections, { type: 'dropCollection', name: 'users' }, values)
 */
export function applyOperation(collections: Map<string, CollectionSnapshot>, op: Operation, values: Map<string, unknown>): void {
  const module = operationModule(op);
  if (!module) throw new InvalidArgumentError('operation', 'a known operation', op);
  module.applyInMemory(collections, op, values);
}
