import { type AlterCollectionOptionsOp, type Step, UnsupportedOperationError } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { assertDynamoName } from './names.js';
import { settingSteps } from './setting-steps.js';

/**
 * alterCollectionOptions → one step per setting that differs from `previous` (which the engine
 * reads before the change): UpdateTable for billing/throughput, stream (off, then on when the view
 * type changes), encryption and deletion protection; UpdateTimeToLive (off for the old attribute,
 * on for the new one); UpdateContinuousBackups; TagResource / UntagResource. Settings DynamoDB
 * Local lacks (tags, point-in-time recovery, encryption) are refused before any change there.
 * Nothing differing: a no-op step ("already so").
 * @example compileAlterCollectionOptions({ type: 'alterCollectionOptions', collection: 'orders', options: { dynamoOptions: { deletionProtection: true } }, previous: { dynamoOptions: { deletionProtection: false } } }, env)
 */
export function compileAlterCollectionOptions(op: AlterCollectionOptionsOp, env: DynamoCompileSettings): Step[] {
  const TableName = env.tableName(op.collection);
  assertDynamoName('table', TableName);
  const changes = op.options.dynamoOptions;
  if (!changes) {
    const blocks = Object.keys(op.options).join(', ');
    throw new UnsupportedOperationError('dynamodb', `alterCollectionOptions ${blocks} on "${op.collection}"`, 'it changes dynamoOptions only; the other blocks belong to other databases');
  }
  const steps = settingSteps(TableName, changes, op.previous?.dynamoOptions ?? {}, env.features);
  if (steps.length > 0) return steps;
  return [{ kind: 'noop', summary: `alterCollectionOptions ${op.collection}: already so`, reason: `${TableName} already has ${JSON.stringify(changes)}` }];
}
