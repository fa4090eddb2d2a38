import { type CompileContext, type DropIndexOp, type Step, createdEarlier, droppedLater } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { sql } from './step.js';

/**
 * DROP INDEX; CONCURRENTLY (outside the transaction) on an existing table when online.
 * @example compileDropIndex({ type: 'dropIndex', collection: 'users', name: 'idx_old' }, ctx, { ...DEFAULT_SETTINGS, online: false })
 * // [{ text: 'DROP INDEX "public"."idx_old"', … }]
 */
export function compileDropIndex(op: DropIndexOp, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  const transient = createdEarlier(ctx, op, op.collection) || droppedLater(ctx, op, op.collection);
  const concurrently = settings.online && !transient;
  const name = qualify(settings.schema, op.name);
  const summary = `drop index ${quoteIdent(op.name)}`;
  const relations = [{ do: 'dropIndex', name: op.name } as const];
  if (!concurrently) return [sql(`DROP INDEX ${name}`, summary, { lockRetry: !transient, relations })];
  return [sql(`DROP INDEX CONCURRENTLY ${name}`, `${summary} concurrently`, { outsideTransaction: true, inTransactionText: `DROP INDEX ${name}`, relations })];
}
