import type { FieldDefinition } from '@ductape/core';
import { type MongoCommandStep, commandStep } from './step.js';

/**
 * The update that fills a new field's default into existing documents that lack it, or
 * undefined when there is no default (or it is `{ $fn: 'uuid' }`, which MongoDB cannot compute
 * per document on the server). `{ $fn: 'now' }` uses `$currentDate`.
 * @example backfillStep('users', { name: 'active', type: 'boolean', default: true })
 * // update users: { q: { active: { $exists: false } }, u: { $set: { active: true } }, multi: true }
 */
export function backfillStep(collection: string, field: FieldDefinition): MongoCommandStep | undefined {
  const d = field.default;
  if (d === undefined) return undefined;
  const fn = typeof d === 'object' && d !== null && !Array.isArray(d) && '$fn' in d ? (d as { $fn: string }).$fn : undefined;
  if (fn === 'uuid') return undefined;
  const u = fn === 'now' ? { $currentDate: { [field.name]: true } } : { $set: { [field.name]: d } };
  return commandStep({ update: collection, updates: [{ q: { [field.name]: { $exists: false } }, u, multi: true }] }, `update ${collection}: backfill ${field.name} with its default`);
}
