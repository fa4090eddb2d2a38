import { ValidationError, type Step } from '@ductape/core';
import type { PostgresStatementStep } from '../compile/step.js';
import type { LiveRelation } from './live-relation.js';
import { relationConflicts } from './relation-walk.js';

/**
 * Throws ValidationError 'relation_exists' when a step would give a relation a name another holds at
 * that point (relationConflicts over `live`, the relations of relationNamesOf(steps)); nothing otherwise.
 * @example refuseConflicts(steps, live, 'public') // throws: migration "m1" against the relations of schema "public" …
 */
export function refuseConflicts(steps: readonly Step[], live: readonly LiveRelation[], schema: string): void {
  const issues = relationConflicts(steps, live, schema);
  if (issues.length === 0) return;
  const migration = steps.map((s) => (s as PostgresStatementStep).origin?.migration).find((m) => m !== undefined) ?? '(unnamed)';
  throw new ValidationError(`migration "${migration}" against the relations of schema "${schema}" (nothing was changed)`, issues);
}
