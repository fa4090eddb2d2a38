import type { AddConstraintOp, Step } from '@ductape/core';
import { constraintSpec } from './compile-create-collection.js';
import { recordConstraintsStep } from './record-constraints-step.js';
import { commandStep } from './step.js';

/**
 * addConstraint: unique and primary-key constraints become unique indexes named after the
 * constraint; foreign keys and checks are refused (the engine refuses them first by capabilities).
 * @example compileAddConstraint({ type: 'addConstraint', collection: 'users', constraint: { name: 'uq_email', type: 'unique', columns: ['email'] } })
 */
export function compileAddConstraint(op: AddConstraintOp): Step[] {
  const spec = constraintSpec(op.collection, op.constraint, []);
  return [
    // Until the next step records it, the new index reads back as an index, not a constraint: a
    // runner killed in between is resumed by that fact, not by re-creating the index.
    commandStep({ createIndexes: op.collection, indexes: [spec] }, `createIndexes ${op.collection}: ${op.constraint.name} (${op.constraint.type})`, {
      mustCreate: true,
      effects: [{ kind: 'index', collection: op.collection, name: op.constraint.name, exists: true }],
    }),
    recordConstraintsStep(op.collection, { add: [op.constraint] }),
  ];
}
