import type { DropFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { CompileSettings } from './compile-settings.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … DROP COLUMN (its own constraints go with it; down re-adds `previous`).
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'old' }, DEFAULT_SETTINGS)
 */
export function compileDropField(op: DropFieldOp, settings: CompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  return [
    sql(`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(op.field, 'field')}`, `drop column ${quoteIdent(op.field)} of ${table}`, {
      lockRetry: true,
      relations: [{ do: 'dropColumn', table: op.collection, column: op.field }],
    }),
  ];
}
