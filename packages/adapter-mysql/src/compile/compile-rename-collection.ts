import type { RenameCollectionOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { sql } from './step.js';
import { renameIndexClause, uniqueKeyRenamesOfCollection } from './unique-key-renames.js';

/**
 * RENAME TABLE. The table keeps its columns, indexes, checks and its own foreign keys (with their
 * names); foreign keys of other tables that reference it follow it (InnoDB rewrites them).
 * Metadata only, no copy; retried when it times out on the metadata lock. When `previous` (the
 * table before the rename, filled by the engine) has fields declared `unique: true`, their keys
 * follow the table's name in the same statement (`ALTER TABLE … RENAME TO …, RENAME INDEX
 * <old>_<column>_key TO <new>_<column>_key`), so the key still reads back as the field's and its
 * inverse gives back the exact catalog. A key that has another name (one named after the column
 * by an earlier version) keeps it: the executor drops that clause when the server says there is
 * no such key. Its inverse renames it back.
 * @example compileRenameCollection({ type: 'renameCollection', from: 'users', to: 'people' })
 * // [{ text: 'RENAME TABLE `users` TO `people`', summary: 'rename table `users` to `people`', … }]
 */
export function compileRenameCollection(op: RenameCollectionOp): Step[] {
  const from = quoteIdent(op.from, 'table');
  const to = quoteIdent(op.to, 'table');
  const summary = `rename table ${from} to ${to}`;
  const renames = uniqueKeyRenamesOfCollection(op);
  if (renames.length === 0) return [sql(`RENAME TABLE ${from} TO ${to}`, summary, { lockRetry: true })];
  const text = `ALTER TABLE ${from} RENAME TO ${to}, ${renames.map(renameIndexClause).join(', ')}`;
  return [sql(text, `${summary} with its unique keys`, { lockRetry: true, uniqueKeyRenames: { table: op.from, renames } })];
}
