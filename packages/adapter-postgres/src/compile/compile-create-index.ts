import { type CompileContext, type CreateIndexOp, type Step, createdEarlier } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { createIndexSql } from './index-definition.js';
import { indexCreated } from './relation-changes.js';
import { concurrentIndex, sql } from './step.js';

/**
 * CREATE INDEX. On a table that already exists (and unless `online: false` or
 * `concurrently: false`) it is built CONCURRENTLY, outside the transaction; the step first drops
 * an INVALID index a failed earlier build may have left under the same name.
 * @example compileCreateIndex({ type: 'createIndex', collection: 'users', name: 'idx_email', fields: [{ name: 'email' }] }, ctx, DEFAULT_SETTINGS)
 * // [{ text: 'CREATE INDEX CONCURRENTLY "idx_email" ON "public"."users" ("email")', outsideTransaction: true }]
 */
export function compileCreateIndex(op: CreateIndexOp, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  const { type: _type, collection, ...index } = op;
  const isNew = createdEarlier(ctx, op, collection);
  const concurrently = op.concurrently ?? (settings.online && !isNew);
  const summary = `create index ${quoteIdent(op.name)} on ${qualify(settings.schema, collection)}`;
  const text = createIndexSql(settings.schema, collection, index, concurrently);
  const relations = [indexCreated(collection, index)];
  if (!concurrently) return [sql(text, summary, { lockRetry: !isNew, relations })];
  const blocking = createIndexSql(settings.schema, collection, index, false);
  return [concurrentIndex(settings.schema, op.name, text, blocking, `${summary} concurrently`, relations)];
}
