import type { ForeignKeyConstraint, IndexField, Operation } from '@ductape/sdk';
import type { LintRule, MigrationRuleFinding } from './lint-types.js';
import type { ModelCollection, SchemaModel } from './schema-model.js';

/**
 * A `down` whose order MySQL/MariaDB (InnoDB) reject: an operation that removes what a foreign key
 * still needs at that point of the down (the schema after `up`, then each earlier down op):
 * - dropField of a column a foreign key uses (its table's own, or one of another table that
 *   references it): errno 1553/1828/1829; the adapter refuses it before the statement, and the
 *   rollback stops there (error);
 * - dropCollection (without cascade) of a table another table's foreign key references: errno 1451
 *   (MariaDB) / 3730 (MySQL); the rollback stops there (error);
 * - dropIndex of the only index that serves a foreign key (its leading columns are the key's,
 *   whole) while the key is dropped only later in the same down: errno 1553. The MySQL-family
 *   adapter gets past it by building the key's own index in the same ALTER, which the key's drop
 *   removes again, so the rollback ends as it should, at the cost of an index build (warning).
 * The fix is the order: drop the foreign key first (in up, create the index before the foreign
 * key, so the derived down drops the key first), or write the down by hand.
 */
export const downOrderRule: LintRule = {
  id: 'down-order',
  description: 'a down that drops what a foreign key still needs, in an order MySQL/MariaDB refuse (errno 1553, 1828, 1451)',
  dialects: ['mysql', 'mariadb'],
  check: () => [],
  checkMigration: ({ migration, before }) => {
    const model = before.clone();
    for (const op of migration.up) model.apply(op);
    const out: MigrationRuleFinding[] = [];
    migration.down.forEach((op, i) => {
      const later = migration.down.slice(i + 1);
      for (const f of problems(op, model, later)) out.push({ ...f, op: i + 1, part: 'down' });
      model.apply(op);
    });
    return out;
  },
};

type Problem = Omit<MigrationRuleFinding, 'op' | 'part'>;

function problems(op: Operation, model: SchemaModel, later: readonly Operation[]): Problem[] {
  if (op.type === 'dropField') return fieldDrop(op.collection, op.field, model);
  if (op.type === 'dropCollection' && !op.cascade) return tableDrop(op.name, model);
  if (op.type === 'dropIndex') return indexDrop(op.collection, op.name, model, later);
  return [];
}

function fieldDrop(table: string, field: string, model: SchemaModel): Problem[] {
  const uses = [...foreignKeys(model)].filter(({ owner, key }) => (owner === table && key.columns.includes(field)) || (key.references.table === table && key.references.columns.includes(field)));
  return uses.map(({ owner, key }) => ({
    severity: 'error',
    collection: table,
    message: `drops column "${table}.${field}" while foreign key "${key.name}" of "${owner}" still uses it: MySQL/MariaDB refuse that (errno 1553/1828/1829), so the rollback stops here`,
    hint: `drop foreign key "${key.name}" before the column in down (in up, add the column's foreign key after the column, so the derived down drops it first)`,
  }));
}

function tableDrop(table: string, model: SchemaModel): Problem[] {
  const refs = [...foreignKeys(model)].filter(({ owner, key }) => owner !== table && key.references.table === table);
  return refs.map(({ owner, key }) => ({
    severity: 'error',
    collection: table,
    message: `drops table "${table}" while foreign key "${key.name}" of "${owner}" still references it: MariaDB refuses that (errno 1451), MySQL too (errno 3730), so the rollback stops here`,
    hint: `drop "${owner}" or its foreign key "${key.name}" first in down, or drop the table with { cascade: true }`,
  }));
}

function indexDrop(table: string, name: string, model: SchemaModel, later: readonly Operation[]): Problem[] {
  const c = model.get(table);
  const index = c?.indexes.get(name);
  if (!c || !index) return [];
  const out: Problem[] = [];
  for (const key of c.constraints.values()) {
    if (key.type !== 'foreignKey' || !serves(index.fields, key.columns) || otherServes(c, name, key.columns)) continue;
    if (!later.some((op) => op.type === 'dropConstraint' && op.collection === table && op.name === key.name)) continue;
    out.push({
      severity: 'warning',
      collection: table,
      message: `drops index "${name}" of "${table}" before foreign key "${key.name}", which needs it: MySQL/MariaDB refuse that DROP INDEX as written (errno 1553); ductape gets past it by building the key's own index in the same ALTER (a full index build during the rollback), dropped again with the key`,
      hint: `drop foreign key "${key.name}" before index "${name}" in down (in up, create the index before the foreign key, so the derived down drops the key first)`,
    });
  }
  return out;
}

function* foreignKeys(model: SchemaModel): Generator<{ owner: string; key: ForeignKeyConstraint }> {
  for (const c of model.all()) for (const k of c.constraints.values()) if (k.type === 'foreignKey') yield { owner: c.name, key: k };
}

/** True when an index on `fields` can enforce a foreign key on `columns` (InnoDB: the key's columns lead it, whole). */
function serves(fields: readonly IndexField[], columns: readonly string[]): boolean {
  return columns.length <= fields.length && columns.every((col, i) => fields[i]?.name === col && fields[i]?.length === undefined);
}

/** True when some other index of `c` (an index, the primary key, a unique key) serves the foreign key. */
function otherServes(c: ModelCollection, dropped: string, columns: readonly string[]): boolean {
  for (const [name, index] of c.indexes) if (name !== dropped && serves(index.fields, columns)) return true;
  for (const k of c.constraints.values())
    if (
      (k.type === 'primaryKey' || k.type === 'unique') &&
      serves(
        k.columns.map((n) => ({ name: n })),
        columns,
      )
    )
      return true;
  const keyFields = [...c.fields.values()].filter((f) => f.primaryKey).map((f) => ({ name: f.name }));
  if (keyFields.length > 0 && serves(keyFields, columns)) return true;
  return [...c.fields.values()].some((f) => f.unique === true && serves([{ name: f.name }], columns));
}
