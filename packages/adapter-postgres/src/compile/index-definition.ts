import { UnsupportedOperationError, ValidationError, type IndexDefinition } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';

const METHOD = /^[a-z][a-z0-9_]*$/;

/**
 * CREATE INDEX for `index` on `table`; an index field with a `length` prefix (MySQL's
 * `KEY(col(100))`) is refused with UnsupportedOperationError, as PostgreSQL has no such thing; `concurrently` builds it without blocking writes.
 * @example createIndexSql('public', 'users', { name: 'idx', fields: [{ name: 'email' }], unique: true }, false)
 * // 'CREATE UNIQUE INDEX "idx" ON "public"."users" ("email")'
 */
export function createIndexSql(schema: string | undefined, table: string, index: IndexDefinition, concurrently: boolean): string {
  const prefixed = index.fields.find((f) => f.length !== undefined);
  if (prefixed) {
    throw new UnsupportedOperationError(
      'postgres',
      `index "${index.name}" with a key prefix (length ${String(prefixed.length)} on "${prefixed.name}")`,
      `PostgreSQL indexes whole values and has no prefix indexes: drop \`length\` from the index field, or create an expression index such as (left("${prefixed.name}", ${String(prefixed.length)})) with a raw postgresql operation`,
    );
  }
  if (index.expireAfterSeconds !== undefined) throw new UnsupportedOperationError('postgres', 'createIndex with expireAfterSeconds', 'PostgreSQL has no TTL indexes');
  let text = `CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX ${concurrently ? 'CONCURRENTLY ' : ''}${quoteIdent(index.name, 'index')} ON ${qualify(schema, table)}`;
  if (index.using !== undefined) {
    if (!METHOD.test(index.using))
      throw new ValidationError('PostgreSQL index', [{ code: 'invalid_index_method', path: 'using', message: `${JSON.stringify(index.using)} is not an index method such as btree or gin` }]);
    text += ` USING ${index.using}`;
  }
  const fields = index.fields.map((f) => `${quoteIdent(f.name, 'index field')}${f.order === 'DESC' ? ' DESC' : ''}`);
  text += ` (${fields.join(', ')})`;
  if (index.where !== undefined) {
    if (typeof index.where !== 'string') throw new ValidationError('PostgreSQL index', [{ code: 'invalid_where', path: 'where', message: 'a partial index predicate is SQL text on PostgreSQL' }]);
    text += ` WHERE ${index.where}`;
  }
  return text;
}
