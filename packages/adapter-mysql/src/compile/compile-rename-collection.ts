import type { RenameCollectionOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { sql } from './step.js';

/**
 * RENAME TABLE. The table keeps its columns, indexes, unique keys, checks and its own foreign
 * keys (with their names); foreign keys of other tables that reference it follow it (InnoDB
 * rewrites them). Metadata only, no copy; retried when it times out on the metadata lock. Its
 * inverse renames it back.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people' })
 * // [{ text: 'RENAME TABLE `users` TO `people`', summary: 'rename table `users` to `people`', … }]
 */
export function compileRenameCollection(op: RenameCollectionOp): Step[] {
  const from = quoteIdent(op.from, 'table');
  const to = quoteIdent(op.to, 'table');
  return [sql(`RENAME TABLE ${from} TO ${to}`, `rename table ${from} to ${to}`, { lockRetry: true })];
}
