import type { Adapter, Migration, Operation } from '@ductape/sdk';
import type { SchemaModel } from './schema-model.js';

/** One dangerous change found in a migration. `rule` is stable (for --ignore and scripts). */
export interface LintFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning';
  readonly tag: string;
  /**
   * Which operation of the migration's `up`, counting from 1 (as the text output says `op 1`) —
   * of its `down` when `part` is `'down'`; null when the finding is about the whole file (`draft`).
   */
  readonly op: number | null;
  /** Set (to 'down') only when `op` counts in the migration's down. */
  readonly part?: 'down';
  readonly collection: string;
  readonly message: string;
  readonly hint: string;
}

/** What lint checks for: the configured adapter's name, and the adapter itself (created, never connected) when a rule needs its compiler. */
export interface LintTarget {
  /** 'postgres', 'mysql', 'mariadb', 'mongo', 'dynamo', 'cassandra', a third party's package name; undefined when it could not be told. */
  readonly dialect?: string | undefined;
  /** The adapter (created, not connected), for rules that ask its compiler what it refuses. */
  readonly adapter?: Adapter | undefined;
}

/** What a rule sees: one operation, its migration, and whether its table is new in that migration. */
export interface RuleInput {
  readonly op: Operation;
  readonly index: number;
  readonly migration: Migration;
  /** True when the migration created the table in an earlier op (it is empty, so most risks vanish). */
  readonly newTable: boolean;
  /** The schema the files build up to this op (earlier files, then this migration's earlier ops). */
  readonly schema: SchemaModel;
  /** The adapter, when the rule is for its dialect and asked for it (`needsAdapter`). */
  readonly adapter: Adapter | undefined;
  /** The target's dialect (adapter name: 'postgres', 'mysql', …), when known. */
  readonly dialect?: string | undefined;
}

/** What a migration-wide rule sees: the migration and the schema the earlier files build. */
export interface MigrationInput {
  readonly migration: Migration;
  /** The schema before this migration (read only: clone it to replay). */
  readonly before: SchemaModel;
}

export type RuleFinding = Pick<LintFinding, 'severity' | 'message' | 'hint'>;

/** A finding of a migration-wide rule: where it is, besides what. */
export type MigrationRuleFinding = RuleFinding & Pick<LintFinding, 'op' | 'part' | 'collection'>;

/** A lint rule: an id, what it is about, and a check returning findings for one op (or one migration). */
export interface LintRule {
  readonly id: string;
  readonly description: string;
  /** The adapters (dialect names) the rule belongs to; every one when absent. */
  readonly dialects?: readonly string[];
  /** True when its check needs the adapter's compiler (`RuleInput.adapter`). */
  readonly needsAdapter?: boolean;
  check(input: RuleInput): RuleFinding[];
  /** Findings about the migration as a whole (its down, what cannot be undone). */
  checkMigration?(input: MigrationInput): MigrationRuleFinding[];
}
