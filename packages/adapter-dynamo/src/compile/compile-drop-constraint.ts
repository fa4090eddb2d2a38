import type { DropConstraintOp } from '@ductape/core';
import { refuseConstraint } from './constraints.js';

/**
 * dropConstraint → refused before any IO (see refuseConstraint).
 * @example compileDropConstraint({ type: 'dropConstraint', collection: 'users', name: 'users_email_key' }) // throws UnsupportedOperationError
 */
export function compileDropConstraint(op: DropConstraintOp): never {
  return refuseConstraint(op);
}
