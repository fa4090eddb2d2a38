import type { CompileContext, DropCollectionOp, Step } from '@ductape/core';
import { qualify } from '../quote.js';
import type { PostgresCompileSettings } from '../postgres-compile-settings.js';
import { dropEnumTypeIfUnused, enumTypesOf, fieldsCreatedByUp } from './enum-type.js';
import { sql } from './step.js';

/**
 * DROP TABLE, with CASCADE when asked, then the named enum types of its fields (from `previous`)
 * that no other column uses (dropEnumTypeIfUnused). Without `previous`, the down of this
 * migration's createCollection takes the fields from the up. Its down (from `previous`) recreates table, indexes and constraints.
 * @example compileDropCollection({ type: 'dropCollection', name: 'old', cascade: true }, ctx, DEFAULT_SETTINGS)
 * // [{ text: 'DROP TABLE "public"."old" CASCADE', … }]
 */
export function compileDropCollection(op: DropCollectionOp, ctx: CompileContext, settings: PostgresCompileSettings): Step[] {
  const table = qualify(settings.schema, op.name);
  return [
    sql(`DROP TABLE ${table}${op.cascade ? ' CASCADE' : ''}`, `drop table ${table}`, { lockRetry: true, relations: [{ do: 'dropTable', name: op.name, cascade: op.cascade === true }] }),
    ...enumTypesOf(op.previous?.fields ?? fieldsCreatedByUp(ctx, op.name)).map((use) => dropEnumTypeIfUnused(settings.schema, use.name)),
  ];
}
