// The data the key-pattern check of finding 15 works on (no imports: steps carry it).

/** An index as far as "same key pattern" goes: its name and its ordered key ({ a: 1, b: -1 }). */
export interface IndexKey {
  readonly name: string;
  readonly key: ReadonlyArray<readonly [string, unknown]>;
}

/**
 * What the ops of a migration do to the indexes of each collection, in order, as plain data (it
 * travels on a step, see keyPatternCheck): `add` is an index an op creates (`path` names the op).
 */
export type IndexEvent =
  | { readonly kind: 'add'; readonly collection: string; readonly index: IndexKey; readonly path: string }
  | { readonly kind: 'remove'; readonly collection: string; readonly name: string }
  | { readonly kind: 'create' | 'drop'; readonly collection: string }
  | { readonly kind: 'renameField'; readonly collection: string; readonly from: string; readonly to: string }
  | { readonly kind: 'renameCollection'; readonly from: string; readonly to: string }
  | { readonly kind: 'blind' };

/** What the first step of a migration checks against the live indexes before it runs. */
export interface KeyPatternCheck {
  readonly migration: string;
  readonly events: readonly IndexEvent[];
}
