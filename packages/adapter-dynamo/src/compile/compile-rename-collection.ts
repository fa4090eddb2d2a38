import { type RenameCollectionOp, UnsupportedOperationError } from '@ductape/core';

/**
 * renameCollection → refused before any IO: DynamoDB cannot rename a table.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people' }) // throws UnsupportedOperationError
 */
export function compileRenameCollection(op: RenameCollectionOp): never {
  throw new UnsupportedOperationError('dynamodb', `renameCollection "${op.from}" → "${op.to}"`, 'DynamoDB cannot rename a table; create the new table, copy the items, then drop the old one');
}
