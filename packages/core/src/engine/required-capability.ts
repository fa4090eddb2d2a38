import type { Adapter } from '../adapter/adapter.js';
import { UnsupportedOperationError } from '../errors/errors.js';
import type { Operation } from '../model/operation.js';
import { operationModule } from '../ops/registry.js';

/**
 * Throws UnsupportedOperationError for the first op the adapter cannot run (each op says what it
 * needs, `src/ops/<op>.ts`). Pure: call it before IO. `migration` (its name) is named in the error.
 * @example assertCapabilities(adapter, m.up, m.name)
 */
export function assertCapabilities(adapter: Adapter, ops: readonly Operation[], migration?: string): void {
  for (const op of ops) {
    const refusal = operationModule(op)?.unsupported(op, adapter.capabilities);
    if (refusal) throw new UnsupportedOperationError(adapter.name, refusal.what, refusal.reason, migration);
  }
}
