import type { AddConstraintOp, CompileContext, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { constraintClause } from './constraint-definition.js';
import { alter, onlineMode } from './online.js';

/**
 * ALTER TABLE … ADD CONSTRAINT. Unique and primary keys build in place with LOCK=NONE; a
 * foreign key or check that must validate existing rows is refused in place by the server and
 * falls back to a logged table copy.
 * @example compileAddConstraint({ type: 'addConstraint', collection: 'posts', constraint: { name: 'ck', type: 'check', expression: 'n > 0' } }, ctx)
 */
export function compileAddConstraint(op: AddConstraintOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const name = quoteIdent(op.constraint.name, 'constraint');
  const c = op.constraint;
  // A unique or primary key can serve a foreign key: the key's own index then goes (see addsIndex).
  const addsIndex = (c.type === 'unique' || c.type === 'primaryKey') && Array.isArray(c.columns) ? { addsIndex: { table: op.collection, columns: c.columns } } : {};
  return [alter(table, [`ADD ${constraintClause(c)}`], onlineMode(ctx, op, op.collection, 'inplace'), `add ${c.type} ${name} on ${table}`, addsIndex)];
}
