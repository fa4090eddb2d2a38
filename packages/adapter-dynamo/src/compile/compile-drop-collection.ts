import type { CommandStep, DropCollectionOp } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { assertDynamoName } from './names.js';
import { commandStep } from './step.js';

/**
 * dropCollection → DeleteTable, waiting until the table is gone. `cascade` has no meaning here.
 * @example compileDropCollection({ type: 'dropCollection', name: 'users' }, env)
 */
export function compileDropCollection(op: DropCollectionOp, env: DynamoCompileSettings): CommandStep[] {
  const TableName = env.tableName(op.name);
  assertDynamoName('table', TableName);
  return [commandStep('DeleteTable', { TableName }, `DeleteTable ${TableName}`, { table: TableName, until: 'DELETED' })];
}
