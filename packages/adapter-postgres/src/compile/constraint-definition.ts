import { ValidationError, type ConstraintDefinition, type ReferentialAction } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';

/**
 * The body of ADD CONSTRAINT (without NOT VALID).
 * @example constraintDefinition('public', { name: 'fk', type: 'foreignKey', columns: ['a'], references: { table: 't', columns: ['id'], onDelete: 'CASCADE' } })
 * // 'CONSTRAINT "fk" FOREIGN KEY ("a") REFERENCES "public"."t" ("id") ON DELETE CASCADE'
 */
export function constraintDefinition(schema: string | undefined, c: ConstraintDefinition): string {
  const name = `CONSTRAINT ${quoteIdent(c.name, 'constraint')}`;
  switch (c.type) {
    case 'primaryKey':
      return `${name} PRIMARY KEY (${columnList(c.columns)})`;
    case 'unique':
      return `${name} UNIQUE (${columnList(c.columns)})`;
    case 'check':
      return `${name} CHECK (${c.expression})`;
    case 'foreignKey': {
      const r = c.references;
      let text = `${name} FOREIGN KEY (${columnList(c.columns)}) REFERENCES ${qualify(schema, r.table)} (${columnList(r.columns)})`;
      if (r.onDelete) text += ` ON DELETE ${action(r.onDelete)}`;
      if (r.onUpdate) text += ` ON UPDATE ${action(r.onUpdate)}`;
      return text;
    }
  }
}

/**
 * Quoted, comma-separated column names.
 * @example columnList(['a', 'b c']) // '"a", "b c"'
 */
export function columnList(columns: readonly string[]): string {
  return columns.map((c) => quoteIdent(c, 'column')).join(', ');
}

const ACTIONS: ReadonlySet<string> = new Set(['CASCADE', 'SET NULL', 'SET DEFAULT', 'RESTRICT', 'NO ACTION']);

function action(a: ReferentialAction): string {
  if (!ACTIONS.has(a)) throw new ValidationError('PostgreSQL foreign key', [{ code: 'invalid_referential_action', path: 'references', message: `unknown action ${JSON.stringify(a)}` }]);
  return a;
}
