import { type IndexDefinition, ValidationError } from '@ductape/core';
import type { Doc } from './step.js';

const KEY_TYPES = new Set(['hashed', 'text', '2dsphere', '2d']);

/**
 * The createIndexes specification of an index. `using` picks a special index type
 * ('hashed', 'text', '2dsphere', '2d'); 'btree' or none is an ordinary ascending/descending index.
 * @example indexSpec('users', { name: 'idx_email', fields: [{ name: 'email' }], unique: true })
 * // { key: { email: 1 }, name: 'idx_email', unique: true }
 */
export function indexSpec(collection: string, index: IndexDefinition): Doc {
  const problems: { code: string; path: string; message: string }[] = [];
  const using = index.using;
  if (using !== undefined && using !== 'btree' && !KEY_TYPES.has(using)) {
    problems.push({ code: 'unknown_index_type', path: 'using', message: `MongoDB index types are btree (default), ${[...KEY_TYPES].join(', ')}; got "${using}"` });
  }
  if (typeof index.where === 'string') {
    problems.push({ code: 'where_not_a_filter', path: 'where', message: 'a MongoDB partial index takes a filter document, e.g. { status: { $eq: "active" } }' });
  }
  if (index.expireAfterSeconds !== undefined && index.fields.length !== 1) {
    problems.push({ code: 'ttl_needs_one_field', path: 'expireAfterSeconds', message: 'a TTL index has exactly one field (a date)' });
  }
  if (index.collation !== undefined && (typeof index.collation?.locale !== 'string' || index.collation.locale === '')) {
    problems.push({ code: 'invalid_collation', path: 'collation', message: 'an index collation needs its locale, e.g. { locale: "en", strength: 2 }' });
  }
  if (problems.length > 0) throw new ValidationError(`index "${index.name}" on "${collection}"`, problems);
  const key = Object.fromEntries(index.fields.map((f) => [f.name, using && KEY_TYPES.has(using) ? using : f.order === 'DESC' ? -1 : 1]));
  return {
    key,
    name: index.name,
    ...(index.unique ? { unique: true } : {}),
    ...(index.where !== undefined ? { partialFilterExpression: index.where } : {}),
    ...(index.expireAfterSeconds !== undefined ? { expireAfterSeconds: index.expireAfterSeconds } : {}),
    ...(index.collation !== undefined ? { collation: index.collation } : {}),
  };
}

/**
 * Name of the unique index that carries a primary key not on `_id`.
 * @example primaryKeyIndexName('users') // 'users_pkey'
 */
export function primaryKeyIndexName(collection: string): string {
  return `${collection}_pkey`;
}

/**
 * Name of the unique index of a `unique: true` field.
 * @example uniqueFieldIndexName('users', 'email') // 'users_email_key'
 */
export function uniqueFieldIndexName(collection: string, field: string): string {
  return `${collection}_${field}_key`;
}
