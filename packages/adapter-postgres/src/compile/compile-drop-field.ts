import type { CompileContext, DropFieldOp, Step } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { dropEnumTypeIfUnused, enumTypesOf, fieldsCreatedByUp } from './enum-type.js';
import { sql } from './step.js';

/**
 * ALTER TABLE … DROP COLUMN (its own constraints go with it; down re-adds `previous`), then its
 * named enum type when no other column uses it (dropEnumTypeIfUnused; the down makes it again).
 * Without `previous`, the down of this migration's addField takes the field from the up.
 * @example compileDropField({ type: 'dropField', collection: 'users', field: 'old' }, ctx, DEFAULT_SETTINGS)
 */
export function compileDropField(op: DropFieldOp, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  const table = qualify(settings.schema, op.collection);
  const uses = enumTypesOf(op.previous ? [op.previous] : fieldsCreatedByUp(ctx, op.collection, op.field));
  return [
    sql(`ALTER TABLE ${table} DROP COLUMN ${quoteIdent(op.field, 'field')}`, `drop column ${quoteIdent(op.field)} of ${table}`, {
      lockRetry: true,
      relations: [{ do: 'dropColumn', table: op.collection, column: op.field }],
    }),
    ...uses.map((use) => dropEnumTypeIfUnused(settings.schema, use.name)),
  ];
}
