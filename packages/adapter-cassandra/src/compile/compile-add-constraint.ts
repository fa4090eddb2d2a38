import type { AddConstraintOp } from '@ductape/core';
import { NO_CONSTRAINTS } from './no-constraints.js';
import { refuse } from './refuse.js';

/**
 * addConstraint → refused before any IO: Cassandra has no constraints beyond the primary key.
 * @example compileAddConstraint({ type: 'addConstraint', collection: 'users', constraint: { name: 'users_email_key', type: 'unique', columns: ['email'] } }) // throws UnsupportedOperationError
 */
export function compileAddConstraint(op: AddConstraintOp): never {
  return refuse(`${op.type} on "${op.collection}"`, NO_CONSTRAINTS);
}
