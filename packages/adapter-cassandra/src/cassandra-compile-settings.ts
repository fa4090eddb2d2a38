/** What compile needs besides the op: the keyspace every table lives in. */
export interface CompileSettings {
  readonly keyspace: string;
}
