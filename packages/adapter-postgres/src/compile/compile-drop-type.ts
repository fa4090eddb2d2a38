import type { DropTypeOp } from '@ductape/core';
import { refuseUserType } from './no-user-types.js';

/**
 * dropType → refused before any IO (see refuseUserType).
 * @example compileDropType({ type: 'dropType', name: 'address' }) // throws UnsupportedOperationError
 */
export function compileDropType(op: DropTypeOp): never {
  return refuseUserType(op);
}
