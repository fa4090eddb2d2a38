/**
 * A connection (and maybe a transaction) an adapter hands to `execute` and history writes.
 * Adapters extend it with their own handle; the engine treats it as opaque.
 */
export interface Session {
  readonly transactional: boolean;
}
