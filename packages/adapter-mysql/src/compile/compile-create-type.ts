import type { CreateTypeOp } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { refuseUserType } from './no-user-types.js';

/**
 * createType → refused before any IO (see refuseUserType).
 * @example compileCreateType({ type: 'createType', name: 'address', fields: [] }, MYSQL_DIALECT) // throws UnsupportedOperationError
 */
export function compileCreateType(op: CreateTypeOp, dialect: MysqlCompileSettings): never {
  return refuseUserType(op, dialect);
}
