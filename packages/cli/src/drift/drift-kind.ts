/** The kinds of keys drift compares besides fields. */
export type KeyKind = 'index' | 'unique' | 'foreign-key' | 'check';

/** One difference between the live schema and the history's. */
export interface Drift {
  readonly collection: string;
  readonly kind: 'missing-collection' | 'unexpected-collection' | 'missing-field' | 'extra-field' | 'changed-field' | `${'missing' | 'extra' | 'changed'}-${KeyKind}`;
  readonly field?: string;
  /** The index or constraint (key kinds). */
  readonly name?: string;
  readonly expected?: string;
  readonly actual?: string;
  /** The tag of the applied migration that made the index or constraint the history expects. */
  readonly madeBy?: string;
}
