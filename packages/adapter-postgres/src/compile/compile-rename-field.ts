import type { RenameFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { CompileSettings } from './compile-settings.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … RENAME COLUMN.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, DEFAULT_SETTINGS)
 */
export function compileRenameField(op: RenameFieldOp, settings: CompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  const text = `ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(op.from, 'field')} TO ${quoteIdent(op.to, 'field')}`;
  return [sql(text, `rename column ${quoteIdent(op.from)} of ${table} to ${quoteIdent(op.to)}`, { lockRetry: true })];
}
