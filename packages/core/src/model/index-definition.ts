/** One column of an index, with its order. */
export interface IndexField {
  readonly name: string;
  readonly order?: 'ASC' | 'DESC';
}

export interface IndexOptions {
  readonly unique?: boolean;
  /** Partial index predicate, in the database's own syntax (SQL) or filter document (Mongo). */
  readonly where?: string | { readonly [key: string]: unknown };
  /** Build without blocking writes where the database can (PostgreSQL CONCURRENTLY). Adapters choose a safe default. */
  readonly concurrently?: boolean;
  /** Index method, e.g. 'btree', 'gin', 'sai'. */
  readonly using?: string;
  /** Seconds after which documents expire (MongoDB TTL). */
  readonly expireAfterSeconds?: number;
}

export interface IndexDefinition extends IndexOptions {
  readonly name: string;
  readonly fields: readonly IndexField[];
}
