import type { ForeignKeyConstraint } from '@ductape/sdk';
import type { LintRule } from './lint-types.js';
import type { SchemaModel } from './schema-model.js';

/**
 * A dropField or dropCollection (without `cascade`) of what another table's foreign key
 * references, by the schema the earlier files build: `up` refuses it before any change
 * (DUCTAPE_VALIDATION `referenced`), as plan shows. With `{ cascade: true }` the keys are dropped,
 * recorded, and restored by down. Databases with foreign keys only (PostgreSQL, MySQL/MariaDB).
 */
export const referencedDropRule: LintRule = {
  id: 'referenced-drop',
  description: 'a dropField/dropCollection of what other tables’ foreign keys reference, without cascade: up refuses it',
  dialects: ['postgres', 'mysql', 'mariadb'],
  check: ({ op, schema }) => {
    if (op.type === 'dropField' && !op.cascade) {
      const keys = referencing(schema, op.collection, op.field);
      if (keys.length === 0) return [];
      return [
        {
          severity: 'error',
          message: `drops field "${op.collection}.${op.field}", which foreign key ${names(keys)} references: up refuses it before any change (referenced)`,
          hint: `pass { cascade: true } to dropField to drop ${keys.length === 1 ? 'that key' : 'those keys'} with it (down restores ${keys.length === 1 ? 'it' : 'them'}), or drop ${keys.length === 1 ? 'it' : 'them'} first with dropConstraint`,
        },
      ];
    }
    if (op.type === 'dropCollection' && !op.cascade) {
      const keys = referencing(schema, op.name);
      if (keys.length === 0) return [];
      return [
        {
          severity: 'error',
          message: `drops table "${op.name}", which foreign key ${names(keys)} references: up refuses it before any change (referenced)`,
          hint: `pass { cascade: true } to dropCollection to drop ${keys.length === 1 ? 'that key' : 'those keys'} with it (down restores ${keys.length === 1 ? 'it' : 'them'}), or drop ${keys.length === 1 ? 'it' : 'them'} first with dropConstraint`,
        },
      ];
    }
    return [];
  },
};

/** The foreign keys of other tables that reference `table` (its column `column`, when given). */
function referencing(schema: SchemaModel, table: string, column?: string): { owner: string; key: ForeignKeyConstraint }[] {
  const out: { owner: string; key: ForeignKeyConstraint }[] = [];
  for (const c of schema.all()) {
    if (c.name === table) continue; // its own keys go with it
    for (const k of c.constraints.values())
      if (k.type === 'foreignKey' && k.references.table === table && (column === undefined || k.references.columns.includes(column))) out.push({ owner: c.name, key: k });
  }
  return out;
}

function names(keys: readonly { owner: string; key: ForeignKeyConstraint }[]): string {
  return keys.map(({ owner, key }) => `${owner}.${key.name}`).join(', ');
}
