import { type Capabilities, baseCapabilities } from '@ductape/core';
import type { MysqlCompileSettings } from './mysql-compile-settings.js';
import { rawDialectsOf } from './mysql-compiler.js';

/**
 * What MySQL and MariaDB can do: renames, constraints, index key prefixes and unsigned integers;
 * no transactional DDL and no partial indexes. Raw dialects follow the dialect in force.
 * @example mysqlCapabilities(MYSQL_DIALECT).rawDialects // ['mysql']
 */
export function mysqlCapabilities(dialect: MysqlCompileSettings): Capabilities {
  return {
    ...baseCapabilities(),
    renameField: true,
    renameCollection: true,
    indexPrefixLength: true,
    unsignedIntegers: true,
    modifyField: true,
    dropField: true,
    foreignKeys: true,
    checkConstraints: true,
    uniqueConstraints: true,
    concurrentIndex: true,
    rawDialects: rawDialectsOf(dialect),
  };
}
