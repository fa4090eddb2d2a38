import type { MongoCollation } from './collection-options.js';

/** How a vector index compares two vectors. */
export type SimilarityFunction = 'cosine' | 'euclidean' | 'dot_product';

/** The similarity functions an index may name. */
export const SIMILARITY_FUNCTIONS: readonly SimilarityFunction[] = ['cosine', 'euclidean', 'dot_product'];

/** One column of an index, with its order and, where the database has them, a key prefix. */
export interface IndexField {
  readonly name: string;
  readonly order?: 'ASC' | 'DESC';
  /**
   * Index only the first `length` characters (bytes for binary columns) of the column: MySQL and
   * MariaDB need it for TEXT/BLOB columns and keys longer than 3072 bytes. Databases without
   * prefix indexes refuse it before any IO.
   * @example { name: 'body', length: 100 }
   */
  readonly length?: number;
}

export interface IndexOptions {
  readonly unique?: boolean;
  /** Partial index predicate, in the database's own syntax (SQL) or filter document (Mongo). */
  readonly where?: string | { readonly [key: string]: unknown };
  /** Build without blocking writes where the database can (PostgreSQL CONCURRENTLY). Adapters choose a safe default. */
  readonly concurrently?: boolean;
  /** Index method, e.g. 'btree', 'gin', 'sai'. */
  readonly using?: string;
  /**
   * A vector search index and how it compares vectors: Cassandra SAI on a `vector<float, n>`
   * column (`similarity_function`). Adapters without the `vectorIndexes` capability refuse it
   * before any IO.
   * @example { name: 'docs_embedding', fields: [{ name: 'embedding' }], similarityFunction: 'cosine' }
   */
  readonly similarityFunction?: SimilarityFunction;
  /** Seconds after which documents expire (MongoDB TTL). */
  readonly expireAfterSeconds?: number;
  /**
   * How the index compares strings (MongoDB): e.g. `{ locale: 'en', strength: 2 }` for a
   * case-insensitive index. Adapters without the `indexCollation` capability refuse it before IO.
   */
  readonly collation?: MongoCollation;
}

export interface IndexDefinition extends IndexOptions {
  readonly name: string;
  readonly fields: readonly IndexField[];
}
