import type { DropFieldOp, Step } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { removeStep } from './scan-update.js';

/**
 * dropField → remove the attribute from every item, in resumable batches (costly: a full scan).
 * Dropping a key attribute (of the table, a GSI or an LSI) is refused by the compiler and by the
 * adapter's preflight (key-renames.ts), before any IO.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'legacy' }, env)
 */
export function compileDropField(op: DropFieldOp, env: DynamoCompileSettings): Step[] {
  return [removeStep(env.tableName(op.collection), op.field, op.collection)];
}
