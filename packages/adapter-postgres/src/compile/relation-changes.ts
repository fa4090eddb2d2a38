/**
 * What a step does to the relation names of the adapter's schema. PostgreSQL keeps tables,
 * indexes (including those behind UNIQUE and PRIMARY KEY constraints), sequences and views in one
 * namespace per schema, so a name taken by any of them cannot be given to another. The compiler
 * attaches these to its steps with the exact names it emits; `preflight` replays them against the
 * live catalog (see preflight/relation-walk.ts). CHECK and FOREIGN KEY constraints are not
 * relations and never appear here.
 */
export type RelationChange =
  /** CREATE INDEX, or ADD CONSTRAINT … UNIQUE / PRIMARY KEY (`constraint`: the index backs a constraint). */
  | {
      readonly do: 'create';
      readonly name: string;
      readonly table: string;
      readonly what: CreatedKind;
      /** Columns the index depends on; undefined when the compiler cannot tell (a partial index's predicate). */
      readonly columns: readonly string[] | undefined;
      readonly constraint: boolean;
      /** Unnamed in the statement (an inline PRIMARY KEY): PostgreSQL picks another name when this one is taken. */
      readonly auto?: boolean;
    }
  /** CREATE TABLE (`ifNotExists`: nothing happens when the name is taken) with its inline keys. */
  | { readonly do: 'createTable'; readonly name: string; readonly ifNotExists: boolean; readonly keys: readonly InlineKey[] }
  /** DROP INDEX. */
  | { readonly do: 'dropIndex'; readonly name: string }
  /** ALTER TABLE … DROP CONSTRAINT: frees the name when it is a key's index of that table. */
  | { readonly do: 'dropConstraint'; readonly table: string; readonly name: string }
  /** DROP TABLE: frees the table, its indexes, owned sequences and partitions. */
  | { readonly do: 'dropTable'; readonly name: string; readonly cascade: boolean }
  /** ALTER TABLE … DROP COLUMN: frees the indexes and owned sequences that depend on the column. */
  | { readonly do: 'dropColumn'; readonly table: string; readonly column: string }
  | { readonly do: 'renameTable'; readonly from: string; readonly to: string }
  | { readonly do: 'renameColumn'; readonly table: string; readonly from: string; readonly to: string }
  /** RENAME CONSTRAINT of a key (its index is renamed with it); `ifExists` when it runs only if the key is there. */
  | { readonly do: 'renameKey'; readonly table: string; readonly from: string; readonly to: string; readonly ifExists: boolean }
  /** A raw statement: what it does is unknown, so nothing after it is checked. */
  | { readonly do: 'unknown' };

export type CreatedKind = 'index' | 'unique index' | 'unique constraint' | 'primary key';

/**
 * A UNIQUE or PRIMARY KEY constraint written inline in CREATE TABLE / ADD COLUMN. `auto`: it has
 * no name in the statement, so PostgreSQL picks `name` when it is free and another one when it is
 * not (never an error).
 */
export interface InlineKey {
  readonly name: string;
  readonly what: 'unique constraint' | 'primary key';
  readonly columns: readonly string[];
  readonly auto: boolean;
}

/** Where the changes of a step come from, for the refusal's message. */
export interface RelationOrigin {
  readonly migration: string;
  /** `up[2]`: the direction and index of the op. */
  readonly path: string;
}

/**
 * The change of CREATE INDEX `index` on `table`: its name, and the columns it depends on (unknown
 * when a partial index's predicate may name others).
 * @example indexCreated('users', { name: 'idx_email', fields: [{ name: 'email' }] })
 * // { do: 'create', name: 'idx_email', table: 'users', what: 'index', columns: ['email'], constraint: false }
 */
export function indexCreated(
  table: string,
  index: { readonly name: string; readonly unique?: boolean; readonly fields: readonly { readonly name: string }[]; readonly where?: unknown },
): RelationChange {
  const columns = index.where === undefined ? index.fields.map((f) => f.name) : undefined;
  return { do: 'create', name: index.name, table, what: index.unique ? 'unique index' : 'index', columns, constraint: false };
}

/**
 * The change of ADD CONSTRAINT `name` UNIQUE / PRIMARY KEY on `table` (its index takes the name);
 * a CHECK or FOREIGN KEY is not a relation, so it has none.
 * @example keyCreated('users', { name: 'users_email_key', type: 'unique', columns: ['email'] })
 * // [{ do: 'create', name: 'users_email_key', table: 'users', what: 'unique constraint', columns: ['email'], constraint: true }]
 */
export function keyCreated(table: string, c: { readonly name: string; readonly type: string; readonly columns?: readonly string[] }): RelationChange[] {
  if (c.type !== 'unique' && c.type !== 'primaryKey') return [];
  return [{ do: 'create', name: c.name, table, what: c.type === 'unique' ? 'unique constraint' : 'primary key', columns: c.columns ?? [], constraint: true }];
}
