import { type AlterCollectionOptionsOp, UnsupportedOperationError } from '@ductape/core';

/**
 * alterCollectionOptions → refused before any IO (the engine refuses it first: no `optionChanges`).
 * @example compileAlterCollectionOptions({ type: 'alterCollectionOptions', collection: 'users', options: {} }) // throws UnsupportedOperationError
 */
export function compileAlterCollectionOptions(op: AlterCollectionOptionsOp): never {
  throw new UnsupportedOperationError(
    'postgres',
    `alterCollectionOptions on "${op.collection}"`,
    'it changes DynamoDB settings (dynamoOptions) only so far; change PostgreSQL table settings with a raw ALTER TABLE',
  );
}
