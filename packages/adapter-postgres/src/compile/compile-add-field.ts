import type { AddFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import { columnDefinition, extensionsOf } from './column-definition.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { pkName, uniqueName } from './derived-names.js';
import { enumTypeOf, ensureEnumType } from './enum-type.js';
import type { RelationChange } from './relation-changes.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … ADD COLUMN with the field's inline constraints (after its named enum type, made
 * unless it exists with these values: ensureEnumType). A constant default is
 * instant on PostgreSQL 11+ (no table rewrite); the ALTER is retried when lock_timeout fires.
 * @example compileAddField({ type: 'addField', collection: 'users', field: { name: 'phone', type: 'string', length: 20 } }, DEFAULT_SETTINGS)
 * // [{ text: 'ALTER TABLE "public"."users" ADD COLUMN "phone" varchar(20)', … }]
 */
export function compileAddField(op: AddFieldOp, settings: PostgresCompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  const text = `ALTER TABLE ${table} ADD COLUMN ${columnDefinition(op.collection, op.field, true, settings.schema)}`;
  const use = enumTypeOf(op.field);
  return [
    ...(use ? [ensureEnumType(settings.schema, use)] : []),
    sql(text, `add column ${quoteIdent(op.field.name)} to ${table}`, { lockRetry: true, relations: inlineKeyOf(op), extensions: extensionsOf(op.field) }),
  ];
}

/** The key the column clause creates: its inline primary key (unnamed unless its derived name is cut), else its unique key. */
function inlineKeyOf(op: AddFieldOp): RelationChange[] {
  const { collection: t, field } = op;
  const base = { table: t, columns: [field.name], constraint: true } as const;
  if (field.primaryKey) return [{ do: 'create', name: pkName(t), what: 'primary key', ...base, auto: pkName(t) === `${t}_pkey` }];
  return field.unique ? [{ do: 'create', name: uniqueName(t, field.name), what: 'unique constraint', ...base }] : [];
}
