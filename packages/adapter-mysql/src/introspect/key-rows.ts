import type { ConstraintDefinition, ForeignKeyConstraint, IndexDefinition, IndexField, ReferentialAction } from '@ductape/core';
import { UNIQUE_CONSTRAINT_COMMENT } from '../compile/index-definition.js';
import { legacyUniqueKeyName, uniqueKeyName } from '../compile/unique-key-name.js';
import type { Row } from '../mysql-driver.js';

/** Indexes, constraints and the per-field flags read from information_schema. */
export interface Keys {
  readonly indexes: IndexDefinition[];
  readonly constraints: ConstraintDefinition[];
  /** Fields whose own unique index (`<table>_<column>_key`, or named after the column by earlier versions) exists. */
  readonly uniqueFields: ReadonlySet<string>;
  /** Primary key columns, when they can be stated as field flags (in table order). */
  readonly primaryFields: ReadonlySet<string>;
}

const METHODS: { readonly [k: string]: string } = { FULLTEXT: 'fulltext', SPATIAL: 'spatial', HASH: 'hash' };

/**
 * Groups STATISTICS rows into indexes, and tells apart what MySQL stores the same way: a field's
 * own unique key, a unique constraint (marked by its comment), the index a foreign key made.
 * `unstated` is the referential rule the server reports for a foreign key that states none
 * (MariaDB: RESTRICT, MySQL 8: NO ACTION): it reads back as unstated, the other one as written.
 * @example keysOf('users', statRows, fkRows, checkRows, ['id', 'email'], 'RESTRICT')
 */
export function keysOf(table: string, stats: readonly Row[], fks: readonly Row[], checks: readonly Row[], columnOrder: readonly string[], unstated: UnstatedRule = 'NO ACTION'): Keys {
  const byIndex = new Map<string, Row[]>();
  for (const r of stats) {
    const name = String(r.index_name);
    byIndex.set(name, [...(byIndex.get(name) ?? []), r]);
  }
  const foreignKeys = foreignKeysOf(fks, unstated);
  const fkNames = new Set(foreignKeys.map((f) => f.name));
  const indexes: IndexDefinition[] = [];
  const constraints: ConstraintDefinition[] = [...foreignKeys];
  const uniqueFields = new Set<string>();
  let primaryFields = new Set<string>();
  for (const [name, rows] of byIndex) {
    const sorted = [...rows].sort((a, b) => Number(a.seq) - Number(b.seq));
    const columns = sorted.map((r) => String(r.column_name));
    const first = sorted[0] as Row;
    const unique = Number(first.non_unique) === 0;
    if (name === 'PRIMARY') {
      const inOrder = columns.every((c, i) => i === 0 || columnOrder.indexOf(c) > columnOrder.indexOf(columns[i - 1] as string));
      if (inOrder) primaryFields = new Set(columns);
      else constraints.push({ name: 'PRIMARY', type: 'primaryKey', columns });
    } else if (unique && String(first.comment ?? '') === UNIQUE_CONSTRAINT_COMMENT) constraints.push({ name, type: 'unique', columns });
    else if (unique && isFieldKey(table, name, sorted)) uniqueFields.add(columns[0] as string);
    else if (!fkNames.has(name)) indexes.push(indexOf(name, sorted, unique));
  }
  for (const c of checks) constraints.push({ name: String(c.name), type: 'check', expression: String(c.clause) });
  return { indexes: byName(indexes), constraints: byName(constraints), uniqueFields, primaryFields };
}

/** A field's own unique key: one whole column, no comment, named `<table>_<column>_key` (or, made by earlier versions, after the column). */
function isFieldKey(table: string, name: string, rows: readonly Row[]): boolean {
  const [only] = rows;
  if (rows.length !== 1 || !only || only.comment || only.sub_part != null) return false;
  const column = String(only.column_name);
  return name === uniqueKeyName(table, column) || name === legacyUniqueKeyName(column);
}

function indexOf(name: string, rows: readonly Row[], unique: boolean): IndexDefinition {
  const fields = rows.map(
    (r): IndexField => ({
      name: String(r.column_name),
      ...(String(r.collation) === 'D' ? { order: 'DESC' as const } : {}),
      ...(r.sub_part != null ? { length: Number(r.sub_part) } : {}),
    }),
  );
  const using = METHODS[String((rows[0] as Row).index_type).toUpperCase()];
  return { name, fields, ...(unique ? { unique: true } : {}), ...(using ? { using } : {}) };
}

function foreignKeysOf(rows: readonly Row[], unstated: UnstatedRule): ForeignKeyConstraint[] {
  const byName = new Map<string, Row[]>();
  for (const r of rows) byName.set(String(r.name), [...(byName.get(String(r.name)) ?? []), r]);
  return [...byName.entries()].map(([name, list]) => {
    const sorted = [...list].sort((a, b) => Number(a.position) - Number(b.position));
    const first = sorted[0] as Row;
    return {
      name,
      type: 'foreignKey',
      columns: sorted.map((r) => String(r.column_name)),
      references: {
        table: String(first.ref_table),
        columns: sorted.map((r) => String(r.ref_column)),
        ...rule('onDelete', first.delete_rule, unstated),
        ...rule('onUpdate', first.update_rule, unstated),
      },
    };
  });
}

/**
 * The rule the server reports for a foreign key that states none: RESTRICT on MariaDB, NO ACTION on
 * MySQL 8. InnoDB enforces both alike, but each server keeps and prints the other one as written
 * (`ON DELETE NO ACTION` on MariaDB), so only this one reads back as unstated.
 */
export type UnstatedRule = 'RESTRICT' | 'NO ACTION';

function rule(key: 'onDelete' | 'onUpdate', value: unknown, unstated: UnstatedRule): { onDelete?: ReferentialAction; onUpdate?: ReferentialAction } {
  const v = String(value ?? '').toUpperCase();
  return v === '' || v === unstated ? {} : { [key]: v as ReferentialAction };
}

function byName<T extends { name: string }>(list: T[]): T[] {
  return list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
