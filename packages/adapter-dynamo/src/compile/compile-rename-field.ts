import type { RenameFieldOp, Step } from '@ductape/core';
import type { DynamoCompileSettings } from '../dynamo-compile-settings.js';
import { renameStep } from './scan-update.js';

/**
 * renameField → copy and remove the attribute in every item, in resumable batches (costly: a full scan).
 * Renaming a key attribute (of the table, a GSI or an LSI) is refused by the compiler and by the
 * adapter's preflight (key-renames.ts), before any IO.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, env)
 */
export function compileRenameField(op: RenameFieldOp, env: DynamoCompileSettings): Step[] {
  return [renameStep(env.tableName(op.collection), op.from, op.to, op.collection)];
}
