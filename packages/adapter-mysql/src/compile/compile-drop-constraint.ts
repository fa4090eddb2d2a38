import type { CompileContext, DropConstraintOp, Step } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { alter, onlineMode } from './online.js';
import { COMMANDS, command } from './step.js';

/**
 * The DROP clause for the constraint's type (from `previous`): DROP FOREIGN KEY (then the index
 * MySQL made for it, if still there), DROP INDEX for a unique key, DROP CONSTRAINT for a check,
 * DROP PRIMARY KEY. Without `previous`, DROP CONSTRAINT (MySQL 8.0.19+, MariaDB 10.2+).
 * @example compileDropConstraint({ type: 'dropConstraint', collection: 'posts', name: 'fk_a', previous: { name: 'fk_a', type: 'foreignKey', … } }, ctx)
 */
export function compileDropConstraint(op: DropConstraintOp, ctx: CompileContext): Step[] {
  const table = quoteIdent(op.collection, 'table');
  const name = quoteIdent(op.name, 'constraint');
  const mode = onlineMode(ctx, op, op.collection, 'inplace');
  const summary = `drop ${op.previous?.type ?? 'constraint'} ${name} on ${table}`;
  switch (op.previous?.type) {
    case 'foreignKey':
      return [
        alter(table, [`DROP FOREIGN KEY ${name}`], mode, summary),
        command(COMMANDS.dropIndexIfPresent, { table: op.collection, name: op.name }, `drop the index of foreign key ${name} on ${table}, if MySQL made one`),
      ];
    case 'unique':
      return [alter(table, [`DROP INDEX ${name}`], mode, summary, { dropsIndex: { table: op.collection, index: op.name } })];
    case 'primaryKey':
      return [alter(table, ['DROP PRIMARY KEY'], mode, summary)];
    default:
      return [alter(table, [`DROP CONSTRAINT ${name}`], mode, summary)];
  }
}
