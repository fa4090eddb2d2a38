import type { AddConstraintOp, ConstraintDefinition, CreateIndexOp, DropConstraintOp, DropIndexOp, Step } from '@ductape/core';
import { UnsupportedOperationError } from '@ductape/core';
import { assertIndexFeatures, constraintSpec } from './compile-create-collection.js';
import { indexSpec } from './index-spec.js';
import type { MongoCompileSettings } from './server-features.js';
import { StepNames, commandStep, namedStep } from './step.js';

/**
 * createIndex → `createIndexes` (unique, compound, partial via `where`, TTL via expireAfterSeconds).
 * MongoDB 4.2+ builds every index without holding a lock for the whole build, so `concurrently` needs nothing.
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'idx_email', fields: [{ name: 'email' }], unique: true }, DEFAULT_SETTINGS)
 */
export function compileCreateIndex(op: CreateIndexOp, settings: MongoCompileSettings): Step[] {
  const { type: _t, collection, ...index } = op;
  const spec = indexSpec(collection, index);
  assertIndexFeatures(collection, spec, settings);
  return [commandStep({ createIndexes: collection, indexes: [spec] }, `createIndexes ${collection}: ${op.name}`, { mustCreate: true })];
}

/**
 * dropIndex → `dropIndexes` by name.
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'idx_users_old' }) // [{ name: 'dropIndexes', args: { dropIndexes: 'users', index: 'idx_users_old' }, … }]
 */
export function compileDropIndex(op: DropIndexOp): Step[] {
  return [commandStep({ dropIndexes: op.collection, index: op.name }, `dropIndexes ${op.collection}: ${op.name}`)];
}

/**
 * The step recording which unique indexes are constraints (in _ductape_schema).
 * @example recordConstraintsStep('users', { remove: ['uq_users_email'] })
 */
export function recordConstraintsStep(collection: string, change: { add?: readonly ConstraintDefinition[]; remove?: readonly string[] }): Step {
  const names = [...(change.add ?? []).map((c) => `+ ${c.name}`), ...(change.remove ?? []).map((n) => `- ${n}`)].join(', ');
  return namedStep(StepNames.recordConstraints, { collection, ...change }, `record constraints of ${collection} in _ductape_schema: ${names}`);
}

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

/**
 * dropConstraint → `dropIndexes` of the constraint's unique index.
 * @example compileDropConstraint({ type: 'dropConstraint', collection: 'users', name: 'uq_email' })
 */
export function compileDropConstraint(op: DropConstraintOp): Step[] {
  const t = op.previous?.type;
  if (t === 'foreignKey' || t === 'check') throw new UnsupportedOperationError('mongo', `dropping the ${t} constraint "${op.name}"`, 'MongoDB has no foreign keys or check constraints');
  return [commandStep({ dropIndexes: op.collection, index: op.name }, `dropIndexes ${op.collection}: ${op.name}`), recordConstraintsStep(op.collection, { remove: [op.name] })];
}
