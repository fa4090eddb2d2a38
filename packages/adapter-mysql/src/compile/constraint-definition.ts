import { ValidationError, type ConstraintDefinition, type ReferentialAction } from '@ductape/core';
import { quoteIdent, quoteLiteral } from '../quote.js';
import { UNIQUE_CONSTRAINT_COMMENT } from './index-definition.js';

const ACTIONS: ReadonlySet<ReferentialAction> = new Set(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION']);

/**
 * A constraint clause for CREATE TABLE or ALTER TABLE … ADD. A primary key is always named
 * PRIMARY by the server; a unique constraint is a unique index marked with a comment, so
 * introspection can tell it from a unique index made with createIndex.
 * @example constraintClause({ name: 'fk_a', type: 'foreignKey', columns: ['a_id'], references: { table: 'a', columns: ['id'], onDelete: 'CASCADE' } })
 * // 'CONSTRAINT `fk_a` FOREIGN KEY (`a_id`) REFERENCES `a` (`id`) ON DELETE CASCADE'
 */
export function constraintClause(c: ConstraintDefinition): string {
  const name = quoteIdent(c.name, 'constraint');
  switch (c.type) {
    case 'primaryKey':
      return `PRIMARY KEY (${columnList(c.columns)})`;
    case 'unique':
      return `CONSTRAINT ${name} UNIQUE KEY ${name} (${columnList(c.columns)}) COMMENT ${quoteLiteral(UNIQUE_CONSTRAINT_COMMENT)}`;
    case 'check':
      if (typeof c.expression !== 'string' || c.expression.trim() === '') throw invalid('expression', 'a check constraint needs an expression');
      return `CONSTRAINT ${name} CHECK (${c.expression})`;
    case 'foreignKey': {
      const r = c.references;
      const parts = [`CONSTRAINT ${name} FOREIGN KEY (${columnList(c.columns)}) REFERENCES ${quoteIdent(r.table, 'table')} (${columnList(r.columns)})`];
      if (r.onDelete) parts.push(`ON DELETE ${action(r.onDelete)}`);
      if (r.onUpdate) parts.push(`ON UPDATE ${action(r.onUpdate)}`);
      return parts.join(' ');
    }
    default:
      throw invalid('type', `unknown constraint type ${JSON.stringify((c as { type: unknown }).type)}`);
  }
}

function columnList(columns: readonly string[]): string {
  if (!Array.isArray(columns) || columns.length === 0) throw invalid('columns', 'a constraint needs at least one column');
  return columns.map((c) => quoteIdent(c, 'field')).join(', ');
}

function action(a: ReferentialAction): string {
  if (!ACTIONS.has(a)) throw invalid('references', `unknown referential action ${JSON.stringify(a)}`);
  return a;
}

function invalid(path: string, message: string): ValidationError {
  return new ValidationError('MySQL constraint', [{ code: 'invalid_constraint', path, message }]);
}
