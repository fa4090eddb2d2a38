import type { CollectionSnapshot, ConstraintDefinition, FieldDefinition, IndexDefinition, ReferentialAction } from '@ductape/core';
import { enumName, pkName, uniqueName } from './compile/derived-names.js';
import { parseDefault } from './introspect/parse-default.js';
import { parseType, type TypePart } from './introspect/parse-type.js';
import { quoteLiteral } from './quote.js';

/** The columns of the table whose oid is `t.oid` (a correlated subquery of liveReadSql). */
export const COLUMNS_OF_T = `SELECT a.attnum, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull AS not_null,
  pg_get_expr(d.adbin, d.adrelid) AS default_expr, a.attidentity AS identity, a.attgenerated AS generated,
  CASE WHEN ty.typtype = 'e' THEN ty.typname::text WHEN et.typtype = 'e' THEN et.typname::text END AS enum_type,
  CASE WHEN ty.typtype = 'e' THEN ty.typnamespace = t.relnamespace WHEN et.typtype = 'e' THEN et.typnamespace = t.relnamespace END AS enum_here,
  et.typtype = 'e' AS enum_array,
  CASE WHEN ty.typtype = 'e' OR et.typtype = 'e' THEN
    ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = CASE WHEN ty.typtype = 'e' THEN ty.oid ELSE et.oid END ORDER BY e.enumsortorder)
  END AS enum_values,
  CASE WHEN a.attcollation <> 0 AND a.attcollation <> ty.typcollation THEN
    (SELECT quote_ident(cn.nspname) || '.' || quote_ident(co.collname) FROM pg_collation co JOIN pg_namespace cn ON cn.oid = co.collnamespace WHERE co.oid = a.attcollation)
  END AS collation,
  (SELECT s.oid::regclass::text FROM pg_depend dep JOIN pg_class s ON s.oid = dep.objid AND s.relkind = 'S'
   WHERE dep.classid = 'pg_class'::regclass AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = a.attrelid
     AND dep.refobjsubid = a.attnum AND dep.deptype = 'a' LIMIT 1) AS owned_sequence
FROM pg_attribute a JOIN pg_type ty ON ty.oid = a.atttypid LEFT JOIN pg_type et ON et.oid = ty.typelem AND ty.typcategory = 'A' LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
WHERE a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped`;

/** The primary key, unique, check and foreign key constraints of the table `t.oid`. */
export const CONSTRAINTS_OF_T = `SELECT c.conname AS name, c.contype AS type, pg_get_constraintdef(c.oid) AS def,
  ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
  (SELECT r.relname::text FROM pg_class r WHERE r.oid = c.confrelid) AS ref_table,
  ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i) AS ref_columns,
  c.confdeltype AS on_delete, c.confupdtype AS on_update
FROM pg_constraint c WHERE c.conrelid = t.oid AND c.contype IN ('p', 'u', 'c', 'f')`;

/** The valid indexes of the table `t.oid` that back no constraint. */
export const INDEXES_OF_T = `SELECT i.relname AS name, ix.indisunique AS is_unique, am.amname AS method, pg_get_expr(ix.indpred, ix.indrelid) AS predicate,
  ARRAY(SELECT a.attname::text FROM unnest(ix.indkey::int2[]) WITH ORDINALITY k(n, o) JOIN pg_attribute a ON a.attrelid = ix.indrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
  ARRAY(SELECT (f & 1) = 1 FROM unnest(ix.indoption::int2[]) WITH ORDINALITY k(f, o) ORDER BY k.o) AS descending,
  ix.indnkeyatts AS key_count
FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_am am ON am.oid = i.relam
WHERE ix.indrelid = t.oid AND ix.indisvalid
  AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid AND c.conrelid = ix.indrelid AND c.contype IN ('p', 'u', 'x'))`;

const ACTIONS: { readonly [code: string]: ReferentialAction | undefined } = { r: 'RESTRICT', c: 'CASCADE', n: 'SET NULL', d: 'SET DEFAULT' };

/**
 * One table of liveReadSql (`{ name, relpersistence, columns, constraints, indexes }`, the rows
 * as JSON objects) as a CollectionSnapshot.
 * @example snapshotOf({ name: 'users', relpersistence: 'p', columns: [...], constraints: [], indexes: [] })
 */
export function snapshotOf(t: Record<string, unknown>): CollectionSnapshot {
  const table = String(t.name);
  const fields = new Map<string, Record<string, unknown>>();
  for (const row of rowsOf(t.columns)) fields.set(String(row.name), columnToField(row));
  const constraints: ConstraintDefinition[] = [];
  for (const row of rowsOf(t.constraints)) {
    const c = constraintOf(row);
    if (!absorbIntoField(c, row, table, fields)) constraints.push(c);
  }
  const indexes = rowsOf(t.indexes)
    .map(indexOf)
    .filter((i): i is IndexDefinition => i !== undefined);
  return {
    name: table,
    fields: [...fields.values()] as unknown as FieldDefinition[],
    indexes,
    constraints,
    ...(t.relpersistence === 'u' ? { options: { sqlOptions: { unlogged: true } } } : {}),
  };
}

function rowsOf(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
}

const SERIAL: { readonly [type: string]: string | undefined } = { integer: 'serial', bigint: 'bigserial', smallint: 'smallserial' };

/**
 * One column as a field. What the model names (type and parameters, NOT NULL, a literal or
 * now()/uuid default, BY DEFAULT identity) goes into the field's options; what it does not is
 * kept verbatim in a native type, so the column is recreated exactly: a collation other than the
 * type's (`text COLLATE "C"`), a serial column (`serial`: its own sequence and nextval default),
 * `GENERATED ALWAYS AS IDENTITY`, a generated column (`GENERATED ALWAYS AS (…) STORED`), a
 * default expression (`date DEFAULT CURRENT_DATE`). A column of an enum type of the table's schema
 * (or an array of one) is an enum with `enumType` and the type's values (pg_enum, in order; a type
 * without values, or of another schema, stays native); a
 * generated column of a type the model names is that type with `generatedAs` (its expression as
 * pg_get_expr prints it).
 */
function columnToField(row: Record<string, unknown>): Record<string, unknown> {
  const formatted = String(row.type);
  const collation = row.collation ? ` COLLATE ${String(row.collation)}` : '';
  let type: TypePart = collation ? { type: 'native', native: formatted + collation } : parseType(formatted);
  const field: Record<string, unknown> = { name: String(row.name) };
  if (row.enum_type && row.enum_here === true && !collation && Array.isArray(row.enum_values) && row.enum_values.length > 0) {
    const values = row.enum_values.map(String);
    type = row.enum_array === true ? { type: 'array', itemType: 'enum', enumValues: values, enumType: String(row.enum_type) } : { type: 'enum', enumValues: values, enumType: String(row.enum_type) };
  }
  if (row.not_null === true) field.required = true;
  const identity = String(row.identity ?? '');
  const generated = String(row.generated ?? '');
  const expr = row.default_expr as string | null;
  const nativeText = (): string => (type.type === 'native' ? String(type.native) : formatted + collation);
  if (generated === 's' && type.type !== 'native') {
    field.generatedAs = String(expr);
  } else if (generated === 's' || generated === 'v') {
    type = { type: 'native', native: `${nativeText()} GENERATED ALWAYS AS (${String(expr)}) ${generated === 's' ? 'STORED' : 'VIRTUAL'}` };
  } else if (identity === 'a') {
    type = { type: 'native', native: `${nativeText()} GENERATED ALWAYS AS IDENTITY` };
  } else if (identity === 'd') {
    field.autoIncrement = true;
  } else if (expr !== null && expr !== undefined) {
    const serial = SERIAL[formatted];
    const owned = row.owned_sequence ? `nextval(${quoteLiteral(String(row.owned_sequence))}::regclass)` : undefined;
    if (serial && !collation && owned === expr.trim()) type = { type: 'native', native: serial };
    else {
      const parsed = parseDefault(expr, type.type, type.itemType);
      if (parsed.kind === 'value') field.default = parsed.value;
      if (parsed.kind === 'expression') type = { type: 'native', native: `${nativeText()} DEFAULT ${parsed.sql}` };
    }
  }
  return { name: field.name, ...type, ...field };
}

function constraintOf(row: Record<string, unknown>): ConstraintDefinition {
  const name = String(row.name);
  const columns = toArray(row.columns);
  switch (row.type) {
    case 'p':
      return { name, type: 'primaryKey', columns };
    case 'u':
      return { name, type: 'unique', columns };
    case 'f': {
      const onDelete = ACTIONS[String(row.on_delete)];
      const onUpdate = ACTIONS[String(row.on_update)];
      return {
        name,
        type: 'foreignKey',
        columns,
        references: { table: String(row.ref_table), columns: toArray(row.ref_columns), ...(onDelete ? { onDelete } : {}), ...(onUpdate ? { onUpdate } : {}) },
      };
    }
    default: {
      const def = String(row.def).replace(/\s+NOT VALID$/, '');
      return { name, type: 'check', expression: def.replace(/^CHECK \((.*)\)$/s, '$1') };
    }
  }
}

/** Folds the constraints the compiler derives from field options back into the field. */
function absorbIntoField(c: ConstraintDefinition, row: Record<string, unknown>, table: string, fields: Map<string, Record<string, unknown>>): boolean {
  if (c.type === 'primaryKey' && c.name === pkName(table)) {
    for (const col of c.columns) {
      const f = fields.get(col);
      if (f) {
        f.primaryKey = true;
        delete f.required;
      }
    }
    return true;
  }
  if (c.type === 'unique' && c.columns.length === 1 && c.name === uniqueName(table, c.columns[0] ?? '')) {
    const f = fields.get(c.columns[0] ?? '');
    if (f) f.unique = true;
    return f !== undefined;
  }
  if (c.type === 'check') {
    const columns = toArray(row.columns);
    const f = columns.length === 1 ? fields.get(columns[0] ?? '') : undefined;
    // Only the check the compiler names: after a table or column rename the check keeps its old
    // name, and reading it as an enum would recreate it under another name (and a later
    // modifyField of the values would leave it in place). It stays a named check instead.
    const values = f && f.type === 'text' && c.name === enumName(table, String(f.name)) ? enumValues(c.expression) : undefined;
    if (f && values) {
      f.type = 'enum';
      f.enumValues = values;
      return true;
    }
  }
  return false;
}

/** Values of `(col = ANY (ARRAY['a'::text, 'b'::text]))`, or undefined for another shape. */
function enumValues(expression: string): string[] | undefined {
  const literals: string[] = [];
  let skeleton = '';
  for (let i = 0; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === "'" || ch === '"') {
      let j = i + 1;
      let text = '';
      for (; j < expression.length; j++) {
        if (expression[j] === ch) {
          if (expression[j + 1] === ch) {
            text += ch;
            j++;
          } else break;
        } else text += expression[j];
      }
      if (ch === "'") literals.push(text);
      skeleton += ch === "'" ? 'L' : 'I';
      i = j;
    } else skeleton += ch;
  }
  const shape = /^\(*(I|[a-z_][a-z0-9_$]*)(::text)? = ANY \(+ARRAY\[L::(text|character varying)(, L::(text|character varying))*\](::text\[\])?\)+$/;
  return shape.test(skeleton) ? literals : undefined;
}

function indexOf(row: Record<string, unknown>): IndexDefinition | undefined {
  const columns = toArray(row.columns);
  // toArray gives strings: 'true' from a decoded boolean[] (pg), 't' from array text (PGlite).
  const desc = toArray(row.descending).map((d) => d === 'true' || d === 't');
  if (columns.length === 0) return undefined; // an expression index: not expressible as fields
  const method = String(row.method);
  return {
    name: String(row.name),
    fields: columns.map((name, i) => (desc[i] ? { name, order: 'DESC' as const } : { name })),
    ...(row.is_unique === true ? { unique: true } : {}),
    ...(method !== 'btree' ? { using: method } : {}),
    ...(row.predicate ? { where: String(row.predicate) } : {}),
  };
}

function toArray(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .replace(/^\{|\}$/g, '')
      .split(',')
      .filter(Boolean)
      .map((s) => s.replace(/^"|"$/g, ''));
  return [];
}
