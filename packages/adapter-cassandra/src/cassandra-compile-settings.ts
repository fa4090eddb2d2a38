/** What compile needs besides the op: the keyspace every table lives in. */
export interface CassandraCompileSettings {
  readonly keyspace: string;
}

/**
 * The old name of `CassandraCompileSettings`.
 * @deprecated Use `CassandraCompileSettings` (every adapter names its compile settings `<Db>CompileSettings`).
 */
export type CompileSettings = CassandraCompileSettings;
