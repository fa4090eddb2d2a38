import type { CompileContext, ConstraintDefinition, Operation } from '@ductape/core';
import type { ForeignKeyUse } from './column-in-foreign-key-error.js';

/**
 * The foreign keys the migration itself defines before the op at `ctx.index` (createCollection
 * constraints, addConstraint), followed through renames and drops in the same list. Pure: keys
 * that exist in the database already are found when the step runs.
 * @example knownForeignKeys(ctx, op).find((fk) => fk.table === 'child')
 */
export function knownForeignKeys(ctx: CompileContext, op: Operation): ForeignKeyUse[] {
  const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
  if (ops[ctx.index] !== op) return [];
  let keys: ForeignKeyUse[] = [];
  const rename =
    (table: string, from: string, to: string) =>
    (fk: ForeignKeyUse): ForeignKeyUse => ({
      ...fk,
      columns: fk.table === table ? fk.columns.map((c) => (c === from ? to : c)) : fk.columns,
      referencedColumns: fk.referencedTable === table ? fk.referencedColumns.map((c) => (c === from ? to : c)) : fk.referencedColumns,
    });
  for (const earlier of ops.slice(0, ctx.index)) {
    switch (earlier.type) {
      case 'createCollection':
        keys.push(...(earlier.constraints ?? []).flatMap((c) => use(earlier.name, c)));
        break;
      case 'addConstraint':
        keys.push(...use(earlier.collection, earlier.constraint));
        break;
      case 'dropConstraint':
        keys = keys.filter((fk) => !(fk.table === earlier.collection && fk.name === earlier.name));
        break;
      case 'dropCollection':
        keys = keys.filter((fk) => fk.table !== earlier.name && !(earlier.cascade && fk.referencedTable === earlier.name));
        break;
      case 'renameCollection':
        keys = keys.map((fk) => ({ ...fk, table: fk.table === earlier.from ? earlier.to : fk.table, referencedTable: fk.referencedTable === earlier.from ? earlier.to : fk.referencedTable }));
        break;
      case 'renameField':
        keys = keys.map(rename(earlier.collection, earlier.from, earlier.to));
        break;
      default:
        break;
    }
  }
  return keys;
}

/**
 * The foreign key among `keys` that uses column `column` of `table`, or undefined.
 * @example foreignKeyUsing(keys, 'parent', 'id')?.name // 'fk_child_parent'
 */
export function foreignKeyUsing(keys: readonly ForeignKeyUse[], table: string, column: string): ForeignKeyUse | undefined {
  return keys.find((fk) => (fk.table === table && fk.columns.includes(column)) || (fk.referencedTable === table && fk.referencedColumns.includes(column)));
}

function use(table: string, c: ConstraintDefinition): ForeignKeyUse[] {
  if (c.type !== 'foreignKey') return [];
  return [{ name: c.name, table, columns: c.columns, referencedTable: c.references.table, referencedColumns: c.references.columns }];
}
