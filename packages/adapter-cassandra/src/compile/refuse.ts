import { UnsupportedOperationError } from '@ductape/core';

/**
 * Throws the typed refusal of something Cassandra cannot do (before any IO).
 * @example refuse('modifyField users.n', 'Cassandra cannot change a column type')
 */
export function refuse(what: string, reason: string): never {
  throw new UnsupportedOperationError('cassandra', what, reason);
}
