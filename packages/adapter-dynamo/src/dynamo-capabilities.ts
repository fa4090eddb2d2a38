import type { Capabilities } from '@ductape/core';

/**
 * What DynamoDB can do. No transactional DDL (the engine records progress per step); renames,
 * drops and defaulted adds are resumable item batches; no constraints beyond the table key.
 */
export const DYNAMO_CAPABILITIES: Capabilities = {
  transactionalDdl: false,
  renameField: true,
  renameCollection: false,
  modifyField: true,
  dropField: true,
  foreignKeys: false,
  checkConstraints: false,
  uniqueConstraints: false,
  partialIndexes: false,
  concurrentIndex: true,
  optionChanges: ['dynamoOptions'],
  rawDialects: ['dynamodb'],
};
