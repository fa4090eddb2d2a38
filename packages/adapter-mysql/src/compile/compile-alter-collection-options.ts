import { type AlterCollectionOptionsOp, UnsupportedOperationError } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';

/**
 * alterCollectionOptions → refused before any IO (the engine refuses it first: no `optionChanges`).
 * @example compileAlterCollectionOptions({ type: 'alterCollectionOptions', collection: 'users', options: {} }, MYSQL_DIALECT) // throws UnsupportedOperationError
 */
export function compileAlterCollectionOptions(op: AlterCollectionOptionsOp, dialect: MysqlCompileSettings): never {
  throw new UnsupportedOperationError(
    dialect.flavor,
    `alterCollectionOptions on "${op.collection}"`,
    'it changes DynamoDB settings (dynamoOptions) only so far; change table options with a raw ALTER TABLE',
  );
}
