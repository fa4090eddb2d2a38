import type { AlterTypeOp } from '@ductape/core';
import { refuseUserType } from './no-user-types.js';

/**
 * alterType → refused before any IO (see refuseUserType).
 * @example compileAlterType({ type: 'alterType', name: 'address', addField: { name: 'zip', type: 'string' } }) // throws UnsupportedOperationError
 */
export function compileAlterType(op: AlterTypeOp): never {
  return refuseUserType(op);
}
