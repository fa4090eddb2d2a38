import { type ModifyFieldOp, type Step, UnsupportedOperationError } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { attributeTypeOf, fieldIn } from './attribute-type.js';
import { withDefault } from './field-default.js';

/**
 * modifyField → no DDL, only the table check (types, lengths and nullability are not declared);
 * a new literal default is backfilled into the items that lack the attribute.
 * @example compileModifyField({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 } }, env)
 */
export function compileModifyField(op: ModifyFieldOp, env: DynamoCompileSettings): Step[] {
  const where = `${op.collection}.${op.field}`;
  if (op.changes.primaryKey !== undefined)
    throw new UnsupportedOperationError(
      'dynamodb',
      `changing the key of "${op.collection}" (${where})`,
      'the key of a DynamoDB table is fixed when it is created; create a new table and copy the items',
    );
  if (op.changes.unique === true) throw new UnsupportedOperationError('dynamodb', `making "${where}" unique`, 'DynamoDB enforces uniqueness only on the table key');
  const before = op.previous ?? fieldIn(env.migration, op.collection, op.field);
  const type = attributeTypeOf(op.changes.type !== undefined && op.changes.type !== null ? { type: op.changes.type, native: op.changes.native ?? undefined } : (before ?? { type: 'string' }), where);
  return withDefault(env.tableName(op.collection), op.field, type, op.changes.default ?? undefined, `modifyField ${where}`);
}
