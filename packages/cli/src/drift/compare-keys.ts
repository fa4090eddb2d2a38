import { type CollectionSnapshot, type ConstraintDefinition, type FieldDefinition, type ForeignKeyConstraint, type IndexDefinition, canonicalJson, uniqueKeyName } from '@ductape/sdk';
import type { Drift, KeyKind } from './drift-kind.js';
import type { DriftCoverage } from './coverage.js';
import type { ExpectedLive } from './expected-schema.js';
import { expressionKey } from './sql-expression.js';

type Unique = { readonly name: string; readonly columns: readonly string[] };

/**
 * The differences in indexes, unique constraints, foreign keys and checks between what the
 * history says `table` has and what introspection sees, by name. Names the database or the
 * adapter derive match the way the adapters derive them: a field's `unique: true` is the unique
 * key `<table>_<column>_key` (core's uniqueKeyName, which PostgreSQL, MySQL, MariaDB and MongoDB
 * adapters use), a one-column unique index and a unique key of the same name and columns are the
 * same thing (MySQL stores both as a unique index), and an index named after a foreign key on its
 * columns is the one InnoDB makes for the key (left when the key is dropped by hand). Primary
 * keys are not compared; what `coverage` leaves out is not either.
 * @example compareKeys('users', expected, await adapter.introspect('users'), driftCoverage(adapter))
 */
export function compareKeys(table: string, expected: ExpectedLive, actual: CollectionSnapshot, coverage: DriftCoverage): Drift[] {
  const drifts: Drift[] = [];
  const made = (kind: KeyKind, name: string) => expected.madeBy(`${kind === 'index' ? 'index' : 'constraint'}:${name}`);
  const diff = <T extends { name: string }>(kind: KeyKind, want: readonly T[], have: readonly T[], same: (a: T, b: T) => boolean, text: (x: T) => string) => {
    const live = new Map(have.map((x) => [x.name, x]));
    for (const w of want) {
      const h = live.get(w.name);
      const madeBy = made(kind, w.name);
      const by = madeBy ? { madeBy } : {};
      if (!h) drifts.push({ collection: table, kind: `missing-${kind}`, name: w.name, expected: text(w), ...by });
      else if (!same(w, h)) drifts.push({ collection: table, kind: `changed-${kind}`, name: w.name, expected: text(w), actual: text(h), ...by });
    }
    const wanted = new Set(want.map((w) => w.name));
    for (const h of have) if (!wanted.has(h.name)) drifts.push({ collection: table, kind: `extra-${kind}`, name: h.name, actual: text(h) });
  };

  const compareConstraints = actual.constraints !== undefined;
  const wantUnique = coverage.uniqueConstraints ? uniquesOf(table, expected.constraints, [...expected.fields.values()]) : [];
  let haveUnique = coverage.uniqueConstraints && compareConstraints ? uniquesOf(table, actual.constraints ?? [], actual.fields) : [];
  const wantFks = coverage.foreignKeys ? (expected.constraints.filter((k) => k.type === 'foreignKey') as ForeignKeyConstraint[]) : [];
  const haveFks = (actual.constraints ?? []).filter((k) => k.type === 'foreignKey') as ForeignKeyConstraint[];

  if (actual.indexes !== undefined) {
    let have = [...actual.indexes];
    const wanted = new Map(expected.indexes.map((i) => [i.name, i]));
    // A unique key read back as a unique index, or the other way round (MySQL stores both alike).
    for (const w of expected.indexes) {
      const u = w.unique === true && !have.some((h) => h.name === w.name) ? haveUnique.find((k) => k.name === w.name && plainColumnsOf(w)?.join() === k.columns.join()) : undefined;
      if (u) {
        haveUnique = haveUnique.filter((k) => k !== u);
        have.push({ name: u.name, fields: u.columns.map((name) => ({ name })), unique: true });
      }
    }
    for (const w of wantUnique) {
      const ix =
        !haveUnique.some((k) => k.name === w.name) && !wanted.has(w.name) ? have.find((h) => h.name === w.name && h.unique === true && plainColumnsOf(h)?.join() === w.columns.join()) : undefined;
      if (ix) {
        have = have.filter((h) => h !== ix);
        haveUnique.push({ name: ix.name, columns: w.columns });
      }
    }
    // The index InnoDB made for a foreign key (named after it, on its columns) stays when the key is dropped by hand.
    const keyIndex = (h: IndexDefinition) => [...wantFks, ...haveFks].some((k) => k.name === h.name && h.unique !== true && k.columns.every((c, i) => h.fields[i]?.name === c));
    have = have.filter((h) => wanted.has(h.name) || !keyIndex(h));
    diff(
      'index',
      expected.indexes,
      have,
      (w, h) => sameIndex(w, h, coverage),
      (i) => indexText(i, coverage),
    );
  }
  if (compareConstraints) {
    if (coverage.uniqueConstraints)
      diff(
        'unique',
        wantUnique,
        derivedAsWanted(table, wantUnique, haveUnique),
        (a, b) => a.columns.join() === b.columns.join(),
        (u) => `(${u.columns.join(', ')})`,
      );
    if (coverage.foreignKeys)
      diff(
        'foreign-key',
        wantFks,
        haveFks,
        (a, b) => fkText(a, true) === fkText(b, true),
        (k) => fkText(k),
      );
    if (coverage.checks) {
      const checks = (list: readonly ConstraintDefinition[]) => list.filter((k) => k.type === 'check');
      diff(
        'check',
        checks(expected.constraints),
        checks(actual.constraints ?? []),
        (a, b) => expressionKey(a.expression) === expressionKey(b.expression),
        (k) => parenthesized(k.expression),
      );
    }
  }
  return drifts;
}

/** Unique constraints and the unique keys of fields declared `unique: true` (named as the adapters name them). */
function uniquesOf(table: string, constraints: readonly ConstraintDefinition[], fields: readonly FieldDefinition[]): Unique[] {
  const named: Unique[] = constraints.filter((k) => k.type === 'unique').map((k) => ({ name: k.name, columns: k.columns }));
  const own = fields.filter((f) => f.unique === true && !f.primaryKey).map((f) => ({ name: uniqueKeyName(table, f.name), columns: [f.name] }));
  return [...named, ...own.filter((o) => !named.some((k) => k.name === o.name))];
}

/**
 * `have` with a one-column key named `<table>_<column>_key` renamed to the wanted key on the same
 * column that is not there by its name (or the other way round): the PostgreSQL adapter renames
 * such a key with its table or column (it reads it back as the field's own key), the MySQL
 * adapter keeps the name of a unique constraint, so after a rename either name is the same key.
 */
function derivedAsWanted(table: string, want: readonly Unique[], have: readonly Unique[]): Unique[] {
  const derived = (u: Unique) => u.columns.length === 1 && u.name === uniqueKeyName(table, u.columns[0] as string);
  const out = [...have];
  for (const w of want) {
    if (out.some((h) => h.name === w.name)) continue;
    const i = out.findIndex((h) => !want.some((x) => x.name === h.name) && h.columns.join() === w.columns.join() && (derived(h) || derived(w)));
    if (i >= 0) out[i] = { ...(out[i] as Unique), name: w.name };
  }
  return out;
}

/** The column names of an index without prefixes, order or predicate; undefined when it has any. */
function plainColumnsOf(i: IndexDefinition): string[] | undefined {
  if (i.where !== undefined || i.fields.some((f) => f.length !== undefined || f.order === 'DESC')) return undefined;
  return i.fields.map((f) => f.name);
}

const btree = (using: string | undefined) => (using === undefined || using.toLowerCase() === 'btree' ? undefined : using.toLowerCase());

/**
 * Whether the live index `h` is what the history's `w` says: columns in order with their prefix
 * lengths and order, unique, predicate (reduced by expressionKey, or a MongoDB filter as canonical
 * JSON), method and TTL. A method only the live side states is the database's default where that
 * is not btree (Cassandra's SAI); a MongoDB text index is keyed `_fts`/`_ftsx`, so its columns are
 * not compared.
 */
function sameIndex(w: IndexDefinition, h: IndexDefinition, coverage: DriftCoverage): boolean {
  const live = coverage.usingStatedOnly && w.using === undefined ? { ...h, using: undefined } : h;
  const text = btree(w.using) === 'text' && btree(h.using) === 'text';
  return indexText(w, coverage, true, text) === indexText(live, coverage, true, text);
}

/** An index as text, e.g. `(name, slug(191) DESC) unique where status = 'active'`; `normal`: the predicate reduced by expressionKey. */
function indexText(i: IndexDefinition, coverage: DriftCoverage, normal = false, withoutColumns = false): string {
  const fields = withoutColumns
    ? ''
    : `(${i.fields.map((f) => `${f.name}${f.length !== undefined ? `(${f.length})` : ''}${f.order === 'DESC' && !coverage.indexKeysOnly ? ' DESC' : ''}`).join(', ')})`;
  if (coverage.indexKeysOnly) return fields;
  const where = i.where === undefined ? '' : typeof i.where === 'string' ? (normal ? expressionKey(i.where) : i.where) : canonicalJson(i.where);
  const using = btree(i.using);
  return [fields, i.unique === true ? 'unique' : '', where ? `where ${where}` : '', using ? `using ${using}` : '', i.expireAfterSeconds !== undefined ? `expires after ${i.expireAfterSeconds}s` : '']
    .filter(Boolean)
    .join(' ');
}

/** A referential action as compared: none, NO ACTION and RESTRICT are one (what each server reports for an unstated rule differs). */
const action = (a: string | undefined, normal: boolean) => (normal && (a === undefined || a === 'NO ACTION' || a === 'RESTRICT') ? undefined : a);

/** A foreign key as text, e.g. `(user_id) → users(id) on delete CASCADE`. */
function fkText(k: ForeignKeyConstraint, normal = false): string {
  const r = k.references;
  const onDelete = action(r.onDelete, normal);
  const onUpdate = action(r.onUpdate, normal);
  return `(${k.columns.join(', ')}) → ${r.table}(${r.columns.join(', ')})${onDelete ? ` on delete ${onDelete}` : ''}${onUpdate ? ` on update ${onUpdate}` : ''}`;
}

/** `(expression)`, without a second pair where the database already wrote one around it. */
function parenthesized(expression: string): string {
  let depth = 0;
  for (let i = 0; i < expression.length; i++) {
    if (expression[i] === '(') depth++;
    else if (expression[i] === ')' && --depth === 0 && i < expression.length - 1) return `(${expression})`;
  }
  return expression.startsWith('(') && expression.endsWith(')') ? expression : `(${expression})`;
}
