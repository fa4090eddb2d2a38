import { ValidationError, type CreateCollectionOp, type Step } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { quoteIdent } from '../quote.js';
import { columnDefinition, uniqueKey } from './column-definition.js';
import { constraintClause } from './constraint-definition.js';
import { assertIndexFits } from './assert-index-fits.js';
import { indexClause } from './index-definition.js';
import { keyColumnsOf } from './known-columns.js';
import { uniqueKeyName } from './unique-key-name.js';
import { sql } from './step.js';
import { tableOptions } from './table-options.js';

/**
 * One CREATE TABLE with its columns, keys, and the indexes and constraints a restored drop
 * brings back, so the table appears whole or not at all. sqlOptions: ifNotExists, temporary,
 * engine, charset, collation, comment. Every key must fit InnoDB's limits (IndexKeyTooLongError).
 * @example compileCreateCollection({ type: 'createCollection', name: 'users', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] }, MYSQL_DIALECT)
 * // ['CREATE TABLE `users` (\n  `id` CHAR(36) NOT NULL,\n  PRIMARY KEY (`id`)\n)']
 */
export function compileCreateCollection(op: CreateCollectionOp, dialect: MysqlCompileSettings): Step[] {
  if (!Array.isArray(op.fields) || op.fields.length === 0) {
    throw new ValidationError('MySQL createCollection', [{ code: 'no_fields', path: 'fields', message: 'a table needs at least one field' }]);
  }
  const o = op.options?.sqlOptions;
  const table = quoteIdent(op.name, 'table');
  const constraints = op.constraints ?? [];
  const lines = op.fields.map((f) => columnDefinition(f, dialect, op.name));
  const pk = op.fields.filter((f) => f.primaryKey).map((f) => quoteIdent(f.name, 'field'));
  if (pk.length > 0 && !constraints.some((c) => c.type === 'primaryKey')) lines.push(`PRIMARY KEY (${pk.join(', ')})`);
  const columns = keyColumnsOf(op.fields, dialect, o?.charset);
  for (const f of op.fields) {
    if (!f.unique) continue;
    assertIndexFits(op.name, uniqueKeyName(op.name, f.name), { fields: [{ name: f.name }], unique: true }, columns, dialect, 'compile');
    lines.push(uniqueKey(op.name, f.name));
  }
  for (const index of op.indexes ?? []) {
    lines.push(indexClause(index));
    assertIndexFits(op.name, index.name, index, columns, dialect, 'compile');
  }
  for (const c of constraints) lines.push(constraintClause(c));
  const head = `CREATE ${o?.temporary ? 'TEMPORARY ' : ''}TABLE ${o?.ifNotExists ? 'IF NOT EXISTS ' : ''}${table}`;
  return [sql(`${head} (\n  ${lines.join(',\n  ')}\n)${tableOptions(o)}`, `create table ${table}`)];
}
