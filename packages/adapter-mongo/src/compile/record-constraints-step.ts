import type { ConstraintDefinition, Step } from '@ductape/core';
import { StepNames, namedStep } from './step.js';

/**
 * The step recording which unique indexes are constraints (in _ductape_schema).
 * @example recordConstraintsStep('users', { remove: ['uq_users_email'] })
 */
export function recordConstraintsStep(collection: string, change: { add?: readonly ConstraintDefinition[]; remove?: readonly string[] }): Step {
  const names = [...(change.add ?? []).map((c) => `+ ${c.name}`), ...(change.remove ?? []).map((n) => `- ${n}`)].join(', ');
  return namedStep(StepNames.recordConstraints, { collection, ...change }, `record constraints of ${collection} in _ductape_schema: ${names}`);
}
