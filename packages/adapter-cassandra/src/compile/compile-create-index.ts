import { type CompileContext, type CreateIndexOp, SIMILARITY_FUNCTIONS, type Step, ValidationError } from '@ductape/core';
import { qualify, quoteIdent, quoteLiteral, quoteName } from '../quote.js';
import type { CassandraCompileSettings } from '../cassandra-compile-settings.js';
import { duplicateIndexIssue } from './duplicate-index.js';
import { indexesBefore } from './index-state.js';
import { refuse } from './refuse.js';
import { ddl } from './step.js';
import { tableBefore } from './table-state.js';

const SAI = new Set(['sai', 'SAI', 'StorageAttachedIndex']);

/**
 * createIndex → a storage-attached index (`CREATE INDEX … USING 'sai'`) on one column. SAI builds
 * in the background without blocking writes; execute waits until it is queryable. Unique, partial, multi-column and descending
 * indexes do not exist in Cassandra, and SAI refuses columns whose names are not letters, digits
 * and _: all refused before any IO. A second index on a column an index of this migration already
 * covers is refused too (ValidationError; one against an earlier migration's index is preflight's).
 * With `similarityFunction` it is a vector search index (`WITH OPTIONS = {'similarity_function': 'COSINE'}`)
 * on a `vector<float, n>` column.
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'users_email', fields: [{ name: 'email' }] }, { keyspace: 'app' })
 * // [CREATE INDEX "users_email" ON "app"."users" ("email") USING 'sai']
 */
export function compileCreateIndex(op: CreateIndexOp, settings: CassandraCompileSettings, ctx?: CompileContext): Step[] {
  const what = `index "${op.name}" on "${op.collection}"`;
  if (op.unique === true) refuse(`unique ${what}`, 'Cassandra indexes are never unique; only the primary key is');
  if (op.where !== undefined) refuse(`partial ${what}`, 'Cassandra has no partial indexes');
  if (op.expireAfterSeconds !== undefined) refuse(`TTL ${what}`, 'Cassandra expires rows with USING TTL or defaultTTL, not with an index');
  if (op.using !== undefined && !SAI.has(op.using)) refuse(`${what} using "${op.using}"`, "the adapter creates storage-attached indexes (using: 'sai') only; use a raw operation for others");
  const [field, ...rest] = op.fields;
  if (!field || rest.length > 0) refuse(`${what} on ${op.fields.length} columns`, 'a Cassandra index covers exactly one column; create one index per column');
  if (!/^[A-Za-z0-9_]+$/.test(field.name)) refuse(`${what} on column "${field.name}"`, 'Cassandra storage-attached indexes accept only columns named with letters, digits and _');
  if (field.order === 'DESC') refuse(`descending ${what}`, 'Cassandra secondary indexes have no order; use clusteringOrder for sorted reads');
  const twin = ctx ? indexesBefore(ctx, op.collection).find((ix) => ix.column === field.name && ix.name !== op.name) : undefined;
  if (ctx && twin) {
    throw new ValidationError(`migration "${ctx.migration.name}"`, [
      duplicateIndexIssue(`${ctx.direction}[${ctx.index}]`, op.collection, op.name, field.name, twin.name, 'made earlier in this migration'),
    ]);
  }
  const similarity = op.similarityFunction;
  if (similarity !== undefined) checkVectorColumn(ctx, op, field.name);
  const withOptions = similarity !== undefined ? ` WITH OPTIONS = {${quoteLiteral('similarity_function')}: ${quoteLiteral(similarityOption(similarity))}}` : '';
  const text = `CREATE INDEX ${quoteName(op.name, 'index')} ON ${qualify(settings.keyspace, op.collection)} (${quoteIdent(field.name)}) USING 'sai'${withOptions}`;
  return [
    ddl(text, `create index ${op.name} on ${op.collection}`, op.name, {
      kind: 'createIndex',
      table: op.collection,
      index: op.name,
      column: field.name,
      ...(similarity !== undefined ? { similarityFunction: similarity } : {}),
    }),
  ];
}

/**
 * The `similarity_function` option value of a vector index (Cassandra spells them in capitals).
 * @example similarityOption('dot_product') // 'DOT_PRODUCT'
 */
export function similarityOption(fn: string): string {
  if (!(SIMILARITY_FUNCTIONS as readonly string[]).includes(fn)) {
    throw new ValidationError('vector index', [{ code: 'invalid_similarity_function', path: 'similarityFunction', message: `similarityFunction must be one of ${SIMILARITY_FUNCTIONS.join(', ')}` }]);
  }
  return fn.toUpperCase();
}

// A vector index needs a vector column: checked here where this migration declares the column
// (preflight checks a live one).
function checkVectorColumn(ctx: CompileContext | undefined, op: CreateIndexOp, column: string): void {
  const field = ctx ? tableBefore(ctx, op.collection)?.fields.find((f) => f.name === column) : undefined;
  if (!field) return;
  const cql = field.type === 'native' ? (field.native ?? '') : field.type;
  if (!/^\s*vector\s*</i.test(cql)) refuse(`vector index "${op.name}" on "${op.collection}.${column}" (${cql})`, 'similarityFunction needs a vector<float, n> column');
}
