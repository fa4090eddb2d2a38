import type { RenameCollectionOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { CompileSettings } from './compile-settings.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … RENAME TO. The table keeps its indexes, constraints (with their names, e.g.
 * `users_pkey` stays `users_pkey`), identity sequences and data; foreign keys of other tables
 * follow it, as they point at the table, not its name. Its inverse renames it back.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people' }, DEFAULT_SETTINGS)
 * // [{ text: 'ALTER TABLE "public"."users" RENAME TO "people"', … }]
 */
export function compileRenameCollection(op: RenameCollectionOp, settings: CompileSettings): Step[] {
  const from = qualify(settings.schema, op.from);
  const to = quoteIdent(op.to, 'table');
  return [sql(`ALTER TABLE ${from} RENAME TO ${to}`, `rename table ${from} to ${to}`, { lockRetry: true })];
}
