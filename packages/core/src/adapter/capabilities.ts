/** What an adapter can do. The engine refuses what is false before any IO. */
export interface Capabilities {
  /** DDL runs inside a transaction and rolls back with it (PostgreSQL). */
  readonly transactionalDdl: boolean;
  readonly renameField: boolean;
  /** Renaming a table/collection in place (DynamoDB and Cassandra cannot). */
  readonly renameCollection: boolean;
  readonly modifyField: boolean;
  readonly dropField: boolean;
  readonly foreignKeys: boolean;
  readonly checkConstraints: boolean;
  readonly uniqueConstraints: boolean;
  readonly partialIndexes: boolean;
  /** Index key prefixes (`{ name, length }` index fields: MySQL/MariaDB); absent means refused before IO. */
  readonly indexPrefixLength?: boolean;
  /**
   * Unsigned integer fields (`unsigned: true`: MySQL/MariaDB `INT UNSIGNED`); absent means a
   * field that says it is refused before IO.
   */
  readonly unsignedIntegers?: boolean;
  /**
   * Static columns (`static: true` on a field: Cassandra, one value per partition); absent means
   * a field that says it is refused before IO.
   */
  readonly staticColumns?: boolean;
  /**
   * Vector search indexes with a `similarityFunction` (Cassandra SAI on a `vector<float, n>`
   * column); absent means such an index is refused before IO.
   */
  readonly vectorIndexes?: boolean;
  /** Index collations (`collation` on an index: MongoDB); absent means such an index is refused before IO. */
  readonly indexCollation?: boolean;
  /**
   * User-defined types (createType, alterType, dropType: Cassandra `CREATE TYPE`); absent means
   * those ops are refused before IO.
   */
  readonly userTypes?: boolean;
  /**
   * The per-database blocks of `alterCollectionOptions` this adapter changes on an existing
   * collection, e.g. ['dynamoOptions']; absent or without the block, the op is refused before IO.
   */
  readonly optionChanges?: readonly string[];
  /** Index builds that do not block writes. */
  readonly concurrentIndex: boolean;
  /** Dialect names whose raw operations this adapter runs, e.g. ['postgresql']. */
  readonly rawDialects: readonly string[];
}
