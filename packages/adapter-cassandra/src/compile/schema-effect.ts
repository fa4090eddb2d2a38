/** A column as a compiled step states it: its name and CQL type. */
export interface EffectColumn {
  readonly name: string;
  readonly type: string;
}

/**
 * What a compiled step does to the schema, in the terms preflight replays over the live schema
 * (indexes per column, dropped columns): plain data on the step, so compile stays pure.
 */
export type SchemaEffect =
  | { readonly kind: 'createTable'; readonly table: string; readonly columns: readonly EffectColumn[]; readonly key?: readonly string[]; readonly clustering?: readonly string[] }
  | { readonly kind: 'dropTable'; readonly table: string }
  | { readonly kind: 'addColumn'; readonly table: string; readonly column: EffectColumn; readonly static?: boolean }
  | { readonly kind: 'dropColumn'; readonly table: string; readonly column: string }
  | { readonly kind: 'renameColumn'; readonly table: string; readonly from: string; readonly to: string }
  | { readonly kind: 'createIndex'; readonly table: string; readonly index: string; readonly column: string; readonly similarityFunction?: string }
  | { readonly kind: 'dropIndex'; readonly table: string; readonly index: string }
  /** Changes nothing preflight checks (table options, user-defined types): the replay goes on past it. */
  | { readonly kind: 'other'; readonly what: string };

/** Where a step comes from, for preflight's message. */
export interface StepOrigin {
  readonly migration: string;
  readonly path: string;
}
