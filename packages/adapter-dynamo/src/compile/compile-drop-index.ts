import type { CommandStep, DropIndexOp } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { assertDynamoName } from './names.js';
import { commandStep } from './step.js';

/**
 * dropIndex → UpdateTable deleting the GSI, waiting until it is gone.
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'by-email' }, env)
 */
export function compileDropIndex(op: DropIndexOp, env: DynamoCompileSettings): CommandStep[] {
  const TableName = env.tableName(op.collection);
  assertDynamoName('index', op.name);
  const input = { TableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: op.name } }] };
  return [commandStep('UpdateTable', input, `UpdateTable ${TableName}: delete GSI ${op.name}`, { table: TableName, index: op.name, until: 'DELETED' })];
}
