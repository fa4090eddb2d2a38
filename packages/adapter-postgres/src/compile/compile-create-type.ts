import type { CreateTypeOp } from '@ductape/core';
import { refuseUserType } from './no-user-types.js';

/**
 * createType → refused before any IO (see refuseUserType).
 * @example compileCreateType({ type: 'createType', name: 'address', fields: [] }) // throws UnsupportedOperationError
 */
export function compileCreateType(op: CreateTypeOp): never {
  return refuseUserType(op);
}
