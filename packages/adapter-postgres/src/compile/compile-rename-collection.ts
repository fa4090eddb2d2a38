import type { RenameCollectionOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { renameConstraintSteps, tableDerivedRenames } from './derived-renames.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … RENAME TO, then RENAME CONSTRAINT for each constraint named after the table
 * (`<table>_pkey`, a field's `<table>_<column>_key`, an enum's `<table>_<column>_enum`), known
 * from `previous`, so the table ends as if created under its new name and the down (renaming
 * back with `previous` named `to`) restores the exact catalog. Without `previous` (history
 * recorded before it existed) only the table is renamed. Indexes and constraints the user named
 * keep their names; identity sequences, data and other tables' foreign keys follow the table.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people', previous: { name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] } }, DEFAULT_SETTINGS)
 * // ALTER TABLE "public"."users" RENAME TO "people"
 * // ALTER TABLE "public"."people" RENAME CONSTRAINT "users_pkey" TO "people_pkey"
 */
export function compileRenameCollection(op: RenameCollectionOp, settings: PostgresCompileSettings): Step[] {
  const from = qualify(settings.schema, op.from);
  const to = quoteIdent(op.to, 'table');
  const renames = op.previous ? tableDerivedRenames({ ...op.previous, name: op.from }, op.to) : [];
  return [
    sql(`ALTER TABLE ${from} RENAME TO ${to}`, `rename table ${from} to ${to}`, { lockRetry: true, relations: [{ do: 'renameTable', from: op.from, to: op.to }] }),
    ...renameConstraintSteps(settings.schema, op.to, renames),
  ];
}
