import type { CompileContext, Operation, Step } from '@ductape/core';
import { MARIADB_DIALECT, compileMysql, type MysqlCompileSettings } from '@ductape/adapter-mysql/shared';

/**
 * Compiles one operation to MariaDB steps: the MySQL-family compiler with the MariaDB dialect
 * (native UUID from 10.7, raw 'mariadb' SQL). Pure.
 * @example compileMariadb({ type: 'addField', collection: 't', field: { name: 'ref', type: 'uuid' } }, ctx)[0].text
 * // 'ALTER TABLE `t` ADD COLUMN `ref` UUID NULL, ALGORITHM=INSTANT'
 */
export function compileMariadb(op: Operation, ctx: CompileContext, dialect: MysqlCompileSettings = MARIADB_DIALECT): Step[] {
  return compileMysql(op, ctx, dialect);
}
