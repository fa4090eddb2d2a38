import { type DropConstraintOp, type Step, UnsupportedOperationError } from '@ductape/core';
import { recordConstraintsStep } from './record-constraints-step.js';
import { commandStep } from './step.js';

/**
 * dropConstraint → `dropIndexes` of the constraint's unique index.
 * @example compileDropConstraint({ type: 'dropConstraint', collection: 'users', name: 'uq_email' })
 */
export function compileDropConstraint(op: DropConstraintOp): Step[] {
  const t = op.previous?.type;
  if (t === 'foreignKey' || t === 'check') throw new UnsupportedOperationError('mongo', `dropping the ${t} constraint "${op.name}"`, 'MongoDB has no foreign keys or check constraints');
  return [commandStep({ dropIndexes: op.collection, index: op.name }, `dropIndexes ${op.collection}: ${op.name}`), recordConstraintsStep(op.collection, { remove: [op.name] })];
}
