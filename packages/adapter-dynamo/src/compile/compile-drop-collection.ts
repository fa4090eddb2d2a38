import type { CommandStep, DropCollectionOp } from '@ductape/core';
import type { CompileEnv } from './compile-env.js';
import { assertDynamoName } from './names.js';
import { commandStep } from './step.js';

/**
 * dropCollection → DeleteTable, waiting until the table is gone. `cascade` has no meaning here.
 * @example compileDropCollection({ type: 'dropCollection', name: 'users' }, env)
 */
export function compileDropCollection(op: DropCollectionOp, env: CompileEnv): CommandStep[] {
  const TableName = env.tableName(op.name);
  assertDynamoName('table', TableName);
  return [commandStep('DeleteTable', { TableName }, `DeleteTable ${TableName}`, { table: TableName, until: 'DELETED' })];
}
