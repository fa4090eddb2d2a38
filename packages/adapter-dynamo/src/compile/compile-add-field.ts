import { type AddFieldOp, type Step, UnsupportedOperationError } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { attributeTypeOf } from './attribute-type.js';
import { withDefault } from './field-default.js';

/**
 * addField → no DDL: only a DescribeTable that checks the table exists (so a wrong collection
 * name fails as elsewhere), with the reason; with a literal default, a backfill of the items that lack it.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } }, env)
 */
export function compileAddField(op: AddFieldOp, env: DynamoCompileSettings): Step[] {
  const where = `${op.collection}.${op.field.name}`;
  if (op.field.primaryKey) throw new UnsupportedOperationError('dynamodb', `adding key field "${where}"`, 'the key of a DynamoDB table is fixed when it is created');
  if (op.field.unique) throw new UnsupportedOperationError('dynamodb', `unique field "${where}"`, 'DynamoDB enforces uniqueness only on the table key');
  return withDefault(env.tableName(op.collection), op.field.name, attributeTypeOf(op.field, where), op.field.default, `addField ${where}`);
}
