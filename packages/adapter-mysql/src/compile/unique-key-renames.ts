import type { CollectionSnapshot, RenameCollectionOp, RenameFieldOp } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { uniqueKeyName } from './unique-key-name.js';

/** One field unique key a rename carries over: `from` (`<old table>_<old column>_key`) becomes `to`. */
export interface UniqueKeyRename {
  /** The column before the statement runs (the key is looked up by it when `from` is not its name). */
  readonly column: string;
  /** The column after the statement (differs from `column` for renameField). */
  readonly newColumn: string;
  readonly from: string;
  readonly to: string;
}

/**
 * The unique keys a renameCollection must rename so their names still follow
 * `<table>_<column>_key`: one for each field of `previous` (the table before the rename, filled by
 * the engine at apply time) declared `unique: true`. Empty without `previous` (an op recorded
 * before it existed): the table is renamed alone, as before.
 * @example uniqueKeyRenamesOfCollection({ type: 'renameCollection', from: 'user', to: 'tags', previous }) // [{ column: 'body', newColumn: 'body', from: 'user_body_key', to: 'tags_body_key' }]
 */
export function uniqueKeyRenamesOfCollection(op: RenameCollectionOp): UniqueKeyRename[] {
  const previous = (op as { previous?: CollectionSnapshot }).previous;
  const renames: UniqueKeyRename[] = [];
  for (const f of previous?.fields ?? []) {
    if (f.unique !== true || f.primaryKey === true) continue;
    const from = uniqueKeyName(op.from, f.name);
    const to = uniqueKeyName(op.to, f.name);
    if (from !== to) renames.push({ column: f.name, newColumn: f.name, from, to });
  }
  return renames;
}

/**
 * The unique key a renameField must rename (`<table>_<from>_key` to `<table>_<to>_key`) when its
 * `previous` says the field is `unique: true`; undefined otherwise.
 * @example uniqueKeyRenameOfField({ type: 'renameField', collection: 'users', from: 'mail', to: 'email', previous: { name: 'mail', type: 'string', unique: true } })
 * // { column: 'mail', newColumn: 'email', from: 'users_mail_key', to: 'users_email_key' }
 */
export function uniqueKeyRenameOfField(op: RenameFieldOp): UniqueKeyRename | undefined {
  if (op.previous?.unique !== true || op.previous.primaryKey === true) return undefined;
  const from = uniqueKeyName(op.collection, op.from);
  const to = uniqueKeyName(op.collection, op.to);
  return from === to ? undefined : { column: op.from, newColumn: op.to, from, to };
}

/**
 * The ALTER TABLE clause that renames one key.
 * @example renameIndexClause({ from: 'user_body_key', to: 'tags_body_key', … }) // 'RENAME INDEX `user_body_key` TO `tags_body_key`'
 */
export function renameIndexClause(r: { readonly from: string; readonly to: string }): string {
  return `RENAME INDEX ${quoteIdent(r.from, 'index')} TO ${quoteIdent(r.to, 'index')}`;
}
