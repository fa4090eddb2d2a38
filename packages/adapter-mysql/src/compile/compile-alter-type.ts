import type { AlterTypeOp } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { refuseUserType } from './no-user-types.js';

/**
 * alterType → refused before any IO (see refuseUserType).
 * @example compileAlterType({ type: 'alterType', name: 'address', addField: { name: 'zip', type: 'string' } }, MYSQL_DIALECT) // throws UnsupportedOperationError
 */
export function compileAlterType(op: AlterTypeOp, dialect: MysqlCompileSettings): never {
  return refuseUserType(op, dialect);
}
