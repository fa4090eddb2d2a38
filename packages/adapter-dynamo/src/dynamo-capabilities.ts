import { type Capabilities, baseCapabilities } from '@ductape/core';

/**
 * What DynamoDB can do. No transactional DDL (the engine records progress per step); renames,
 * drops and defaulted adds are resumable item batches; no constraints beyond the table key.
 */
export const DYNAMO_CAPABILITIES: Capabilities = {
  ...baseCapabilities(),
  renameField: true,
  modifyField: true,
  dropField: true,
  concurrentIndex: true,
  optionChanges: ['dynamoOptions'],
  rawDialects: ['dynamodb'],
};
