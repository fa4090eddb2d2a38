import { type RenameCollectionOp, UnsupportedOperationError } from '@ductape/core';

/**
 * renameCollection → refused before any IO: Cassandra cannot rename a table.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people' }) // throws UnsupportedOperationError
 */
export function compileRenameCollection(op: RenameCollectionOp): never {
  throw new UnsupportedOperationError('cassandra', `renameCollection "${op.from}" → "${op.to}"`, 'Cassandra cannot rename a table; create the new table, copy the rows, then drop the old one');
}
