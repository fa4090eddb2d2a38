import { type AlterTypeOp, type CreateTypeOp, type DropTypeOp, UnsupportedOperationError } from '@ductape/core';

/**
 * User-defined types (capability userTypes, absent here: the engine refuses them before IO).
 * @example refuseUserType({ type: 'dropType', name: 'address' }) // throws UnsupportedOperationError
 */
export function refuseUserType(op: CreateTypeOp | AlterTypeOp | DropTypeOp): never {
  throw new UnsupportedOperationError('postgres', `${op.type} "${op.name}"`, 'PostgreSQL composite types are not built yet (user-defined types are for Cassandra so far); use a raw CREATE TYPE');
}
