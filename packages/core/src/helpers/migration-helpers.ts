import { ValidationError, type ValidationIssue } from '../errors/errors.js';
import type { Migration } from '../model/migration.js';
import { checksum } from './checksum.js';
import { generateTag } from './tag.js';
import { validationIssues } from './validate-migration.js';

/** Frozen migrations found valid (as the checksum cache, keyed by the object: built migrations are deep-frozen). */
const validFrozen = new WeakSet<object>();

/**
 * Utilities of the spec's "Migration Helpers" section.
 * @example
 * MigrationHelpers.generateTag('create_users'); // '20240115_143052_create_users'
 * MigrationHelpers.validate(m); // true
 * MigrationHelpers.checksum(m); // 'e3b0…'
 */
export class MigrationHelpers {
  private constructor() {}

  /** `YYYYMMDD_HHMMSS_name` in UTC, from `at` (default now). */
  static generateTag(name: string, at?: Date): string {
    return generateTag(name, at);
  }

  /** True when `m` is a valid migration; `validationIssues(m)` says why not. */
  static validate(m: unknown): boolean {
    return validationIssues(m).length === 0;
  }

  /** Every reason `m` is invalid (empty when valid). */
  static validationIssues(m: unknown): ValidationIssue[] {
    return validationIssues(m);
  }

  /** Throws a ValidationError listing every reason when `m` is invalid. */
  static assertValid(m: unknown): asserts m is Migration {
    // A built migration is deep-frozen: once valid it stays valid (the engine checks each one two or three times per run).
    if (typeof m === 'object' && m !== null && validFrozen.has(m)) return;
    const issues = validationIssues(m);
    if (issues.length > 0) throw new ValidationError(`migration ${describeName(m)}`, issues);
    if (typeof m === 'object' && m !== null && Object.isFrozen(m)) validFrozen.add(m);
  }

  /** sha256 hex of the canonical JSON of name + up + down. */
  static checksum(m: Migration): string {
    MigrationHelpers.assertValid(m);
    return checksum(m);
  }
}

function describeName(m: unknown): string {
  const name = typeof m === 'object' && m !== null ? (m as { name?: unknown }).name : undefined;
  return typeof name === 'string' && name !== '' ? `"${name}"` : '(unnamed)';
}
