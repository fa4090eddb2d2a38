/** Fields every step has. */
interface StepBase {
  /** One line for plans, logs and progress bars, e.g. `CREATE TABLE "users"`. */
  readonly summary: string;
  /** True when the step cannot run inside a transaction (e.g. CREATE INDEX CONCURRENTLY). */
  readonly outsideTransaction?: boolean;
  /**
   * What is true once this step has taken effect. A resumed run checks it (by introspection) for
   * the first step the history does not record, so a step whose runner died before recording it is
   * not run twice. Without it, the engine uses the operation's own effect for its first step.
   */
  readonly effects?: readonly StepEffect[];
  /**
   * Running it again after it took effect is safe and completes it (e.g. it waits for an index
   * build a dead runner started). A resumed run then runs it again instead of counting it applied
   * by its effects; a compensation still counts it, so that it is undone.
   */
  readonly resumable?: boolean;
  /**
   * Set by the engine on the steps of a raw operation: nothing introspection can check tells
   * whether it ran. Outside a transaction the engine records that it starts one, so a run killed
   * in it is not run again blind (see reconcile).
   */
  readonly unverifiable?: boolean;
}

/** A fact about the schema that introspection can check, e.g. "column c2 of users exists". */
export type StepEffect =
  | { readonly kind: 'collection'; readonly collection: string; readonly exists: boolean }
  | { readonly kind: 'field' | 'index' | 'constraint'; readonly collection: string; readonly name: string; readonly exists: boolean };

/** SQL or CQL text with positional parameters. */
export interface StatementStep extends StepBase {
  readonly kind: 'statement';
  readonly text: string;
  readonly params?: readonly unknown[];
}

/** A named driver command (MongoDB, DynamoDB, the in-memory adapter). */
export interface CommandStep extends StepBase {
  readonly kind: 'command';
  readonly name: string;
  readonly args: { readonly [key: string]: unknown };
}

/** Nothing to do on this database, with the reason (e.g. addField on DynamoDB). */
export interface NoopStep extends StepBase {
  readonly kind: 'noop';
  readonly reason: string;
}

/** The unit of execution and of recorded progress. Compile produces them; execute runs them. */
export type Step = StatementStep | CommandStep | NoopStep;
