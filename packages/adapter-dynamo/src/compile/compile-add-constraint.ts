import type { AddConstraintOp } from '@ductape/core';
import { refuseConstraint } from './constraints.js';

/**
 * addConstraint → refused before any IO (see refuseConstraint).
 * @example compileAddConstraint({ type: 'addConstraint', collection: 'users', constraint: { name: 'users_email_key', type: 'unique', columns: ['email'] } }) // throws UnsupportedOperationError
 */
export function compileAddConstraint(op: AddConstraintOp): never {
  return refuseConstraint(op);
}
