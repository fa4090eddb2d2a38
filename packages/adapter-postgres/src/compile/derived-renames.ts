import type { CollectionSnapshot, FieldDefinition, Step } from '@ductape/core';
import { qualify, quoteIdent, quoteLiteral } from '../quote.js';
import { enumName, pkName, uniqueName } from './derived-names.js';
import { sql } from './step.js';

/**
 * A constraint whose name the adapter derives from the table (and column) name, to be renamed
 * from `from` to `to`. `ifExists` when the op cannot tell whether it exists (a primary-key field
 * declared `unique: true` has its own key only when the primary key is composite or the key was
 * added later), so the step looks at the catalog when it runs.
 */
export interface DerivedRename {
  readonly from: string;
  readonly to: string;
  readonly ifExists?: boolean;
  /** A primary or unique key: its index, a relation of the schema, is renamed with it (an enum check is not a relation). */
  readonly key?: boolean;
}

/**
 * The derived constraints of a table renamed from `previous.name` to `to`: its primary key
 * (`<table>_pkey`), each `unique: true` field's key (`<table>_<column>_key`) and each enum field's
 * check (`<table>_<column>_enum`). `previous` is the table as introspection (or the run's model)
 * saw it, and introspection reports these only when they carry the derived name, so each exists.
 * @example tableDerivedRenames({ name: 'users', fields: [{ name: 'id', type: 'integer', primaryKey: true }] }, 'people')
 * // [{ from: 'users_pkey', to: 'people_pkey' }]
 */
export function tableDerivedRenames(previous: CollectionSnapshot, to: string): DerivedRename[] {
  const from = previous.name;
  const keys = previous.fields.filter((f) => f.primaryKey);
  const out: DerivedRename[] = keys.length > 0 ? [{ from: pkName(from), to: pkName(to), key: true }] : [];
  for (const field of previous.fields) {
    if (field.unique) out.push({ from: uniqueName(from, field.name), to: uniqueName(to, field.name), key: true, ...(field.primaryKey ? { ifExists: true } : {}) });
    if (field.type === 'enum') out.push({ from: enumName(from, field.name), to: enumName(to, field.name) });
  }
  return out.filter((r) => r.from !== r.to);
}

/**
 * The derived constraints of column `previous.name` of `table` renamed to `to`: its unique key
 * when `unique: true`, its enum check when an enum (the primary key is named after the table only).
 * @example fieldDerivedRenames('items', { name: 'body', type: 'enum', enumValues: ['a'] }, 'name')
 * // [{ from: 'items_body_enum', to: 'items_name_enum' }]
 */
export function fieldDerivedRenames(table: string, previous: FieldDefinition, to: string): DerivedRename[] {
  const out: DerivedRename[] = [];
  if (previous.unique) out.push({ from: uniqueName(table, previous.name), to: uniqueName(table, to), key: true, ...(previous.primaryKey ? { ifExists: true } : {}) });
  if (previous.type === 'enum') out.push({ from: enumName(table, previous.name), to: enumName(table, to) });
  return out.filter((r) => r.from !== r.to);
}

/**
 * ALTER TABLE … RENAME CONSTRAINT for each rename, on `table` (its name after any table rename).
 * PostgreSQL renames a key's index with it. An `ifExists` rename runs only when the catalog has
 * the constraint on that table (a DO block; identifiers quoted, names compared as literals).
 * @example renameConstraintSteps('public', 'people', [{ from: 'users_pkey', to: 'people_pkey' }])
 * // [{ text: 'ALTER TABLE "public"."people" RENAME CONSTRAINT "users_pkey" TO "people_pkey"', … }]
 */
export function renameConstraintSteps(schema: string, table: string, renames: readonly DerivedRename[]): Step[] {
  const target = qualify(schema, table);
  return renames.map((r) => {
    const alter = `ALTER TABLE ${target} RENAME CONSTRAINT ${quoteIdent(r.from, 'constraint')} TO ${quoteIdent(r.to, 'constraint')}`;
    const summary = `rename constraint ${quoteIdent(r.from)} of ${target} to ${quoteIdent(r.to)}`;
    const relations = r.key ? [{ do: 'renameKey', table, from: r.from, to: r.to, ifExists: r.ifExists === true } as const] : [];
    if (!r.ifExists) return sql(alter, summary, { lockRetry: true, relations });
    const exists = `SELECT 1 FROM pg_constraint WHERE conrelid = ${quoteLiteral(target)}::regclass AND conname = ${quoteLiteral(r.from)}`;
    const body = `BEGIN IF EXISTS (${exists}) THEN ${alter}; END IF; END`;
    return sql(`DO ${dollarQuote(body)}`, `${summary} (if it exists)`, { relations });
  });
}

/** `body` in a dollar quote whose tag does not occur in it. */
function dollarQuote(body: string): string {
  let tag = 'ductape';
  for (let i = 0; body.includes(`$${tag}$`); i++) tag = `ductape${i}`;
  return `$${tag}$ ${body} $${tag}$`;
}
