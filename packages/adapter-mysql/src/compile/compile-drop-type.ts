import type { DropTypeOp } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { refuseUserType } from './no-user-types.js';

/**
 * dropType → refused before any IO (see refuseUserType).
 * @example compileDropType({ type: 'dropType', name: 'address' }, MYSQL_DIALECT) // throws UnsupportedOperationError
 */
export function compileDropType(op: DropTypeOp, dialect: MysqlCompileSettings): never {
  return refuseUserType(op, dialect);
}
