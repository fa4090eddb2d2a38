import type { Migration, Operation } from '@ductape/sdk';

/** One dangerous change found in a migration. `rule` is stable (for --ignore and scripts). */
export interface LintFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly tag: string;
  /**
   * Which operation of the migration's `up`, counting from 1 (as the text output says `op 1`);
   * null when the finding is about the whole file (`draft`).
   */
  readonly op: number | null;
  readonly collection: string;
  readonly message: string;
  readonly hint: string;
}

/** What a rule sees: one operation, its migration, and whether its table is new in that migration. */
export interface RuleInput {
  readonly op: Operation;
  readonly index: number;
  readonly migration: Migration;
  /** True when the migration created the table in an earlier op (it is empty, so most risks vanish). */
  readonly newTable: boolean;
}

export type RuleFinding = Pick<LintFinding, 'severity' | 'message' | 'hint'>;

/** A lint rule: an id, what it is about, and a check returning findings for one op. */
export interface LintRule {
  readonly id: string;
  readonly description: string;
  check(input: RuleInput): RuleFinding[];
}
