import type { ValidationIssue } from '../errors/errors.js';

/** Collects validation issues with their path. */
export class IssueList {
  readonly issues: ValidationIssue[] = [];

  add(code: string, path: string, message: string): void {
    this.issues.push({ code, path, message });
  }

  identifier(path: string, problem: string | undefined): void {
    if (problem) this.add('invalid_identifier', path, `identifier ${problem}`);
  }
}

/** True for a plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
