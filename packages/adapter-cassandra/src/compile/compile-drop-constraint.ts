import type { DropConstraintOp } from '@ductape/core';
import { NO_CONSTRAINTS } from './no-constraints.js';
import { refuse } from './refuse.js';

/**
 * dropConstraint → refused before any IO: Cassandra has no constraints beyond the primary key.
 * @example compileDropConstraint({ type: 'dropConstraint', collection: 'users', name: 'users_email_key' }) // throws UnsupportedOperationError
 */
export function compileDropConstraint(op: DropConstraintOp): never {
  return refuse(`${op.type} on "${op.collection}"`, NO_CONSTRAINTS);
}
