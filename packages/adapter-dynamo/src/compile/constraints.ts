import { type AddConstraintOp, type DropConstraintOp, UnsupportedOperationError } from '@ductape/core';

/**
 * DynamoDB has no constraints besides the table key, which is fixed at CreateTable: refused before any IO.
 * (Foreign keys, checks and unique constraints are already refused by the engine from the capabilities.)
 * @example refuseConstraint({ type: 'dropConstraint', collection: 'users', name: 'pk' }) // throws
 */
export function refuseConstraint(op: AddConstraintOp | DropConstraintOp): never {
  const name = op.type === 'addConstraint' ? op.constraint.name : op.name;
  const kind = op.type === 'addConstraint' ? `a ${op.constraint.type} constraint` : 'a constraint';
  throw new UnsupportedOperationError('dynamodb', `${op.type} ${kind} "${name}" on "${op.collection}"`, 'DynamoDB has no constraints besides the table key, which is set when the table is created');
}
