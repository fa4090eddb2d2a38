import type { DropConstraintOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … DROP CONSTRAINT (down re-adds `previous`).
 * @example compileDropConstraint({ type: 'dropConstraint', collection: 'posts', name: 'fk_author' }, DEFAULT_SETTINGS)
 */
export function compileDropConstraint(op: DropConstraintOp, settings: PostgresCompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  const name = quoteIdent(op.name, 'constraint');
  return [sql(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`, `drop constraint ${name} on ${table}`, { lockRetry: true, relations: [{ do: 'dropConstraint', table: op.collection, name: op.name }] })];
}
