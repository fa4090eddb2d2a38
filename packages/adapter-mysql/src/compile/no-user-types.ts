import { type AlterTypeOp, type CreateTypeOp, type DropTypeOp, UnsupportedOperationError } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';

/**
 * User-defined types (capability userTypes, absent here: the engine refuses them before IO).
 * @example refuseUserType({ type: 'dropType', name: 'address' }, MYSQL_DIALECT) // throws UnsupportedOperationError
 */
export function refuseUserType(op: CreateTypeOp | AlterTypeOp | DropTypeOp, dialect: MysqlCompileSettings): never {
  throw new UnsupportedOperationError(dialect.flavor, `${op.type} "${op.name}"`, 'MySQL and MariaDB have no user-defined types');
}
