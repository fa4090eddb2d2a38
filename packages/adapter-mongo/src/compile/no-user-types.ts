import { type AlterTypeOp, type CreateTypeOp, type DropTypeOp, UnsupportedOperationError } from '@ductape/core';

/**
 * User-defined types (capability userTypes, absent here: the engine refuses them before IO).
 * @example refuseUserType({ type: 'dropType', name: 'address' }) // throws UnsupportedOperationError
 */
export function refuseUserType(op: CreateTypeOp | AlterTypeOp | DropTypeOp): never {
  throw new UnsupportedOperationError('mongo', `${op.type} "${op.name}"`, 'MongoDB has no user-defined types (documents nest objects freely)');
}
