import type { DropCollectionOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { COMMANDS, command, sql } from './step.js';

/**
 * DROP TABLE. MySQL has no CASCADE, so `cascade: true` first drops the foreign keys of other
 * tables that reference this one (as PostgreSQL's CASCADE does), found when the step runs.
 * @example compileDropCollection({ type: 'dropCollection', name: 'users' }) // ['DROP TABLE `users`']
 */
export function compileDropCollection(op: DropCollectionOp): Step[] {
  const table = quoteIdent(op.name, 'table');
  const drop = sql(`DROP TABLE ${table}`, `drop table ${table}`);
  if (!op.cascade) return [drop];
  return [command(COMMANDS.dropReferencingForeignKeys, { table: op.name }, `drop foreign keys that reference ${table}`), drop];
}
