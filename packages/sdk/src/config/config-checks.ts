import { closestName } from './closest-name.js';
import type { ConfigIssue } from './config-validation-error.js';

// Shape checks shared by the config validators: each pushes a ConfigIssue instead of throwing, so
// one ConfigValidationError lists every problem of a file.

/**
 * The value as an object, or undefined after pushing an issue saying what is allowed at `path`.
 * @example const p = objectAt(value.products, 'products', 'an object of product name → { databases }', issues);
 */
export function objectAt(value: unknown, path: string, allowed: string, issues: ConfigIssue[]): Record<string, unknown> | undefined {
  if (isPlainObject(value)) return value;
  issues.push({ path, problem: value === undefined ? 'is missing' : `is ${describe(value)}`, allowed });
  return undefined;
}

/**
 * Pushes an issue for every key of `value` not in `known`, with the closest known key for a typo.
 * @example unknownKeys({ enviroments: {} }, 'fleets.t', ['environments'], issues)
 */
export function unknownKeys(value: Record<string, unknown>, at: string, known: readonly string[], issues: ConfigIssue[]): void {
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    const near = closestName(key, known);
    issues.push({ path: at ? `${at}.${key}` : key, problem: `is not a known key${near ? ` (did you mean "${near}"?)` : ''}`, allowed: known.join(', ') });
  }
}

/**
 * A plain object (not null, not an array).
 * @example isPlainObject({}) // true
 */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * What kind of value this is, for messages (never the value itself).
 * @example describe('') // 'an empty string'
 */
export function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.trim() === '' ? 'an empty string' : 'a string';
  return `${typeof value === 'object' ? 'an' : 'a'} ${typeof value}`;
}
