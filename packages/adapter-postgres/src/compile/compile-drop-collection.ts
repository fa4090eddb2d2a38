import type { DropCollectionOp, Step } from '@ductape/core';
import { qualify } from '../quote.js';
import type { CompileSettings } from './compile-settings.js';
import { sql } from './step.js';

/**
 * DROP TABLE, with CASCADE when asked. Its down (from `previous`) recreates table, indexes and constraints.
 * @example compileDropCollection({ type: 'dropCollection', name: 'old', cascade: true }, DEFAULT_SETTINGS)
 * // [{ text: 'DROP TABLE "public"."old" CASCADE', … }]
 */
export function compileDropCollection(op: DropCollectionOp, settings: CompileSettings): Step[] {
  const table = qualify(settings.schema, op.name);
  return [sql(`DROP TABLE ${table}${op.cascade ? ' CASCADE' : ''}`, `drop table ${table}`, { lockRetry: true, relations: [{ do: 'dropTable', name: op.name, cascade: op.cascade === true }] })];
}
