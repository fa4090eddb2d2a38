import type { AddFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnDefinition } from './column-definition.js';
import type { CompileSettings } from './compile-settings.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … ADD COLUMN with the field's inline constraints. A constant default is
 * instant on PostgreSQL 11+ (no table rewrite); the ALTER is retried when lock_timeout fires.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }, DEFAULT_SETTINGS)
 * // [{ text: 'ALTER TABLE "public"."users" ADD COLUMN "phone" varchar(20)', … }]
 */
export function compileAddField(op: AddFieldOp, settings: CompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  return [sql(`ALTER TABLE ${table} ADD COLUMN ${columnDefinition(op.collection, op.field)}`, `add column ${quoteIdent(op.field.name)} to ${table}`, { lockRetry: true })];
}
