import type { DropIndexOp, Step } from '@ductape/core';
import { commandStep } from './step.js';

/**
 * dropIndex → `dropIndexes` by name.
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'idx_users_old' }) // [{ name: 'dropIndexes', args: { dropIndexes: 'users', index: 'idx_users_old' }, … }]
 */
export function compileDropIndex(op: DropIndexOp): Step[] {
  return [commandStep({ dropIndexes: op.collection, index: op.name }, `dropIndexes ${op.collection}: ${op.name}`)];
}
