import { type AddFieldOp, type DefaultValue, type DropFieldOp, type ModifyFieldOp, type RenameFieldOp, type Step, UnsupportedOperationError } from '@ductape/core';
import { attributeTypeOf, fieldIn } from './attribute-type.js';
import type { CompileEnv } from './compile-env.js';
import { marshalDefault } from './marshal.js';
import { backfillStep, removeStep, renameStep } from './scan-update.js';
import { commandStep } from './step.js';

const SCHEMALESS = 'DynamoDB declares only key and index attributes; other attributes need no DDL';

/**
 * addField → no DDL: only a DescribeTable that checks the table exists (so a wrong collection
 * name fails as elsewhere), with the reason; with a literal default, a backfill of the items that lack it.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string' } }, env)
 */
export function compileAddField(op: AddFieldOp, env: CompileEnv): Step[] {
  const where = `${op.collection}.${op.field.name}`;
  if (op.field.primaryKey) throw new UnsupportedOperationError('dynamodb', `adding key field "${where}"`, 'the key of a DynamoDB table is fixed when it is created');
  if (op.field.unique) throw new UnsupportedOperationError('dynamodb', `unique field "${where}"`, 'DynamoDB enforces uniqueness only on the table key');
  return withDefault(env.tableName(op.collection), op.field.name, attributeTypeOf(op.field, where), op.field.default, `addField ${where}`);
}

/**
 * modifyField → no DDL, only the table check (types, lengths and nullability are not declared);
 * a new literal default is backfilled into the items that lack the attribute.
 * @example compileModifyField({ type: 'modifyField', collection: 'users', field: 'email', changes: { length: 500 } }, env)
 */
export function compileModifyField(op: ModifyFieldOp, env: CompileEnv): Step[] {
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

/**
 * renameField → copy and remove the attribute in every item, in resumable batches (costly: a full scan).
 * Renaming a key attribute (of the table, a GSI or an LSI) is refused by the compiler and by the
 * adapter's preflight (key-renames.ts), before any IO.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, env)
 */
export function compileRenameField(op: RenameFieldOp, env: CompileEnv): Step[] {
  return [renameStep(env.tableName(op.collection), op.from, op.to, op.collection)];
}

/**
 * dropField → remove the attribute from every item, in resumable batches (costly: a full scan).
 * Dropping a key attribute (of the table, a GSI or an LSI) is refused by the compiler and by the
 * adapter's preflight (key-renames.ts), before any IO.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'legacy' }, env)
 */
export function compileDropField(op: DropFieldOp, env: CompileEnv): Step[] {
  return [removeStep(env.tableName(op.collection), op.field, op.collection)];
}

function withDefault(table: string, attribute: string, type: string, value: DefaultValue | undefined, summary: string): Step[] {
  if (value === undefined || value === null) return [tableCheck(table, SCHEMALESS, summary)];
  if (typeof value === 'object' && !Array.isArray(value) && '$fn' in value) {
    return [tableCheck(table, `${SCHEMALESS}; a ${String(value.$fn)}() default is computed by the application on write, not backfilled`, summary)];
  }
  return [backfillStep(table, attribute, marshalDefault(value, type))];
}

function tableCheck(table: string, reason: string, summary: string): Step {
  return commandStep('DescribeTable', { TableName: table }, `${summary}: no DDL on DynamoDB (${reason}); DescribeTable ${table} checks that it exists`, undefined, { reason });
}
