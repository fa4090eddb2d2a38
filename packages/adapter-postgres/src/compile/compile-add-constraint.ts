import { type AddConstraintOp, type CompileContext, type Step, createdEarlier } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { constraintDefinition } from './constraint-definition.js';
import { createIndexSql } from './index-definition.js';
import { keyCreated } from './relation-changes.js';
import { concurrentIndex, sql } from './step.js';

/**
 * ALTER TABLE … ADD CONSTRAINT. Online on an existing table: a foreign key or check is added
 * NOT VALID (a short lock, no scan) and validated in its own step outside the transaction
 * (VALIDATE takes a lock that lets writes through); a unique constraint is built as a unique
 * index CONCURRENTLY, then attached with ADD CONSTRAINT … USING INDEX.
 * @example compileAddConstraint({ type: 'addConstraint', collection: 'posts', constraint: { name: 'fk_author', type: 'foreignKey', columns: ['author_id'], references: { table: 'users', columns: ['id'] } } }, ctx, DEFAULT_SETTINGS)
 */
export function compileAddConstraint(op: AddConstraintOp, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  const c = op.constraint;
  const table = qualify(settings.schema, op.collection);
  const name = quoteIdent(c.name, 'constraint');
  const summary = `add constraint ${name} on ${table}`;
  const online = settings.online && !createdEarlier(ctx, op, op.collection);
  const body = constraintDefinition(settings.schema, c);
  if (online && (c.type === 'foreignKey' || c.type === 'check')) {
    return [
      sql(`ALTER TABLE ${table} ADD ${body} NOT VALID`, `${summary} (not valid)`, { lockRetry: true }),
      sql(`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name}`, `validate constraint ${name} on ${table}`, { outsideTransaction: true, lockRetry: true }),
    ];
  }
  if (online && c.type === 'unique') {
    const index = { name: c.name, unique: true, fields: c.columns.map((column) => ({ name: column })) };
    // The build carries its own effect (the valid index exists), so a runner killed after it
    // and before its record resumes at the ADD CONSTRAINT instead of building it again.
    const built = concurrentIndex(
      settings.schema,
      c.name,
      createIndexSql(settings.schema, op.collection, index, true),
      createIndexSql(settings.schema, op.collection, index, false),
      `build unique index ${name} on ${table} concurrently`,
      keyCreated(op.collection, c),
    );
    return [
      { ...built, effects: [{ kind: 'index', collection: op.collection, name: c.name, exists: true }] },
      sql(`ALTER TABLE ${table} ADD CONSTRAINT ${name} UNIQUE USING INDEX ${name}`, summary, { lockRetry: true }),
    ];
  }
  return [sql(`ALTER TABLE ${table} ADD ${body}`, summary, { lockRetry: true, relations: keyCreated(op.collection, c) })];
}
