import type { DropCollectionOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { assertRecreatable } from './column-definition.js';
import { COMMANDS, command, sql } from './step.js';

/**
 * DROP TABLE. MySQL has no CASCADE, so `cascade: true` first drops the foreign keys of other
 * tables that reference this one (as PostgreSQL's CASCADE does), found when the step runs.
 * Refused before any IO when its down could not recreate a column of the table as it is
 * (ColumnNotRecreatableError: a generated column, an expression default the model cannot carry).
 * @example compileDropCollection({ type: 'dropCollection', name: 'users' }) // ['DROP TABLE `users`']
 */
export function compileDropCollection(op: DropCollectionOp): Step[] {
  const table = quoteIdent(op.name, 'table');
  for (const f of op.previous?.fields ?? []) assertRecreatable(op.name, f, 'drop');
  const drop = sql(`DROP TABLE ${table}`, `drop table ${table}`);
  if (!op.cascade) return [drop];
  return [command(COMMANDS.dropReferencingForeignKeys, { table: op.name }, `drop foreign keys that reference ${table}`), drop];
}
