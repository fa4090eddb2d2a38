import { ValidationError, type IndexDefinition, type IndexField } from '@ductape/core';
import { quoteIdent } from '../quote.js';

/** Index methods: btree and hash are `USING …`; fulltext and spatial are index kinds. */
const USING: { readonly [k: string]: string } = { btree: 'BTREE', hash: 'HASH' };
const KINDS: { readonly [k: string]: string } = { fulltext: 'FULLTEXT', spatial: 'SPATIAL' };

/** Marks a unique index that was added as a unique constraint (MySQL keeps no difference). */
export const UNIQUE_CONSTRAINT_COMMENT = 'ductape:unique-constraint';

/**
 * An index clause for CREATE TABLE or ALTER TABLE … ADD. Partial indexes (`where`) and TTL
 * (`expireAfterSeconds`) do not exist in MySQL/MariaDB and are refused. A field's `length` is a
 * key prefix: `{ name: 'body', length: 100 }` indexes the first 100 characters of `body`.
 * @example indexClause({ name: 'ix', fields: [{ name: 'a' }, { name: 'b', order: 'DESC' }] }) // 'INDEX `ix` (`a`, `b` DESC)'
 * @example indexClause({ name: 'ix', fields: [{ name: 'body', length: 100 }] }) // 'INDEX `ix` (`body`(100))'
 */
export function indexClause(index: Omit<IndexDefinition, 'concurrently'>): string {
  if (index.where !== undefined) throw invalid('where', 'MySQL and MariaDB have no partial indexes');
  if (index.expireAfterSeconds !== undefined) throw invalid('expireAfterSeconds', 'MySQL and MariaDB have no TTL indexes');
  if (!Array.isArray(index.fields) || index.fields.length === 0) throw invalid('fields', 'an index needs at least one field');
  const using = index.using?.toLowerCase();
  if (using !== undefined && !USING[using] && !KINDS[using]) throw invalid('using', `unknown index method ${JSON.stringify(index.using)}; use btree, hash, fulltext or spatial`);
  const kind = using && KINDS[using] ? `${KINDS[using]} INDEX` : index.unique ? 'UNIQUE INDEX' : 'INDEX';
  const columns = index.fields.map((f) => `${quoteIdent(f.name, 'field')}${prefix(f, using)}${f.order === 'DESC' ? ' DESC' : ''}`).join(', ');
  const method = using && USING[using] ? ` USING ${USING[using]}` : '';
  return `${kind} ${quoteIdent(index.name, 'index')} (${columns})${method}`;
}

/** The key prefix `(n)` of a field with `length`; FULLTEXT and SPATIAL indexes have none (the server would ignore it). */
function prefix(f: IndexField, using: string | undefined): string {
  if (f.length === undefined) return '';
  if (!Number.isInteger(f.length) || f.length <= 0) throw invalid('fields.length', `the prefix length of "${f.name}" must be a positive integer, got ${JSON.stringify(f.length)}`);
  if (using && KINDS[using]) throw invalid('fields.length', `a ${KINDS[using]} index takes no prefix length (the server would ignore the one on "${f.name}"); remove it`);
  return `(${f.length})`;
}

/** True for FULLTEXT and SPATIAL indexes (built with LOCK=SHARED at best). */
export function isSpecialIndex(index: Pick<IndexDefinition, 'using'>): boolean {
  const using = index.using?.toLowerCase();
  return using !== undefined && KINDS[using] !== undefined;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError('MySQL index', [{ code: 'unsupported_index_option', path, message }]);
}
