import type { RenameFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { fieldDerivedRenames, renameConstraintSteps } from './derived-renames.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … RENAME COLUMN, then RENAME CONSTRAINT for the column's derived constraints known
 * from `previous` (its `<table>_<column>_key` when `unique: true`, its `<table>_<column>_enum`
 * check when an enum), so they carry the new column's name as a field created under it would.
 * @example compileRenameField({ type: 'renameField', collection: 'users', from: 'name', to: 'full_name' }, DEFAULT_SETTINGS)
 */
export function compileRenameField(op: RenameFieldOp, settings: PostgresCompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  const text = `ALTER TABLE ${table} RENAME COLUMN ${quoteIdent(op.from, 'field')} TO ${quoteIdent(op.to, 'field')}`;
  const renames = op.previous ? fieldDerivedRenames(op.collection, { ...op.previous, name: op.from }, op.to) : [];
  return [
    sql(text, `rename column ${quoteIdent(op.from)} of ${table} to ${quoteIdent(op.to)}`, { lockRetry: true, relations: [{ do: 'renameColumn', table: op.collection, from: op.from, to: op.to }] }),
    ...renameConstraintSteps(settings.schema, op.collection, renames),
  ];
}
