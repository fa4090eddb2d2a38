import { ValidationError, type CompileContext, type FieldDefinition, type FieldOptions, type Step } from '@ductape/core';
import { qualify, quoteIdent, quoteLiteral } from '../quote.js';
import { derivedName } from './derived-names.js';
import { sql } from './step.js';

/** A named PostgreSQL enum type a field uses: its name and values, in order. */
export interface EnumTypeUse {
  readonly name: string;
  readonly values: readonly string[];
}

/**
 * The named enum type of a field (`{ type: 'enum', enumType }` or an array of it), or undefined
 * for a CHECK-based enum and every other field.
 * @example enumTypeOf({ type: 'enum', enumValues: ['a'], enumType: 'mood' }) // { name: 'mood', values: ['a'] }
 */
export function enumTypeOf(field: Pick<FieldOptions, 'type' | 'itemType' | 'enumType' | 'enumValues'> | undefined): EnumTypeUse | undefined {
  if (!field || field.enumType === undefined) return undefined;
  if (field.type !== 'enum' && !(field.type === 'array' && field.itemType === 'enum')) return undefined;
  return { name: field.enumType, values: field.enumValues ?? [] };
}

/**
 * The distinct named enum types of `fields`, in field order. Two fields naming one type with
 * different values are refused before any IO.
 * @example enumTypesOf([{ name: 'a', type: 'enum', enumValues: ['x'], enumType: 'mood' }]) // [{ name: 'mood', values: ['x'] }]
 */
export function enumTypesOf(fields: readonly (Pick<FieldOptions, 'type' | 'itemType' | 'enumType' | 'enumValues'> & { readonly name: string })[]): EnumTypeUse[] {
  const uses = new Map<string, EnumTypeUse>();
  for (const f of fields) {
    const use = enumTypeOf(f);
    if (!use) continue;
    const seen = uses.get(use.name);
    if (seen && seen.values.join('\u0000') !== use.values.join('\u0000'))
      throw new ValidationError('PostgreSQL enum type', [
        { code: 'enum_type_values_differ', path: f.name, message: `fields name enum type "${use.name}" with different enumValues; one type holds one list of values` },
      ]);
    uses.set(use.name, use);
  }
  return [...uses.values()];
}

/**
 * The fields a dropCollection or dropField without `previous` drops, when it is the down of this
 * migration's own createCollection or addField (the builder derives those downs without a
 * definition): read from the migration's up, so the down drops the enum types the up made.
 * @example fieldsCreatedByUp(ctx, 'orders') // the fields of up's createCollection 'orders'
 */
export function fieldsCreatedByUp(ctx: CompileContext, table: string, field?: string): readonly FieldDefinition[] {
  if (ctx.direction !== 'down') return [];
  const fields: FieldDefinition[] = [];
  for (const op of ctx.migration.up) {
    if (op.type === 'createCollection' && op.name === table) fields.push(...op.fields.filter((f) => field === undefined || f.name === field));
    if (op.type === 'addField' && op.collection === table && (field === undefined || op.field.name === field)) fields.push(op.field);
  }
  return fields;
}

/** `ARRAY['a', 'b']::text[]`, the values as the DO blocks compare them. */
function valuesArray(values: readonly string[]): string {
  return `ARRAY[${values.map((v) => quoteLiteral(v)).join(', ')}]::text[]`;
}

/** `text` inside a string literal of a DO body that format() or RAISE reads: quotes doubled, `%` escaped. */
function inFormat(text: string): string {
  return text.replace(/'/g, "''").replace(/%/g, '%%');
}

/** A DO block (its body one quoted literal, so no dollar quoting is needed). */
function doBlock(body: string): string {
  return `DO ${quoteLiteral(body)}`;
}

/** The oid of type `name` in `schema`, or NULL (for a DO block). */
function typeOid(schema: string, name: string): string {
  return `(SELECT t.oid FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ${quoteLiteral(schema)} AND t.typname = ${quoteLiteral(name)})`;
}

/**
 * The step that makes enum type `use` in `schema` before a column uses it: CREATE TYPE … AS
 * ENUM when there is none, nothing when it exists with exactly these values in this order (another
 * field shares it), and an error (rolled back with the migration) when a type of that name
 * exists with other values or is no enum: the field would not hold what it says.
 * @example ensureEnumType('public', { name: 'mood', values: ['sad', 'happy'] }).text // DO '…CREATE TYPE "public"."mood" AS ENUM (…)…'
 */
export function ensureEnumType(schema: string, use: EnumTypeUse): Step {
  if (use.values.length === 0) throw new ValidationError('PostgreSQL enum type', [{ code: 'enum_without_values', path: use.name, message: `enum type "${use.name}" needs enumValues` }]);
  const type = qualify(schema, use.name);
  const body = `DECLARE found oid; kind "char"; labels text[];
BEGIN
  SELECT t.oid, t.typtype INTO found, kind FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ${quoteLiteral(schema)} AND t.typname = ${quoteLiteral(use.name)};
  IF found IS NULL THEN
    CREATE TYPE ${type} AS ENUM (${use.values.map((v) => quoteLiteral(v)).join(', ')});
  ELSE
    SELECT array_agg(e.enumlabel::text ORDER BY e.enumsortorder) INTO labels FROM pg_enum e WHERE e.enumtypid = found;
    IF kind <> 'e' OR labels IS DISTINCT FROM ${valuesArray(use.values)} THEN
      RAISE EXCEPTION 'type ${inFormat(type)} exists with other values (%) than the field declares (%): give the field the same enumValues, or another enumType', labels, ${valuesArray(use.values)} USING ERRCODE = 'duplicate_object';
    END IF;
  END IF;
END`;
  return sql(doBlock(body), `create enum type ${type} unless it exists with these values`);
}

/**
 * The step that drops enum type `name` of `schema` when nothing uses it any more (no column,
 * default or other object depends on it or its array type): after its last field is dropped.
 * @example dropEnumTypeIfUnused('public', 'mood').summary // 'drop enum type "public"."mood" if unused'
 */
export function dropEnumTypeIfUnused(schema: string, name: string): Step {
  const type = qualify(schema, name);
  const body = `DECLARE found oid; arr oid;
BEGIN
  SELECT t.oid, t.typarray INTO found, arr FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = ${quoteLiteral(schema)} AND t.typname = ${quoteLiteral(name)} AND t.typtype = 'e';
  IF found IS NOT NULL AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_type'::regclass AND d.refobjid IN (found, arr) AND d.deptype = 'n') THEN
    DROP TYPE ${type};
  END IF;
END`;
  return sql(doBlock(body), `drop enum type ${type} if unused`);
}

/**
 * How enum type values change: the values added (each placed after the one before it in `next`,
 * or before the first) when every old value stays in its order, else undefined (a value removed or
 * moved: the type is rebuilt).
 * @example addedValues(['a', 'c'], ['a', 'b', 'c']) // [{ value: 'b', after: 'a' }]
 */
export function addedValues(prev: readonly string[], next: readonly string[]): { value: string; after?: string; before?: string }[] | undefined {
  const kept = next.filter((v) => prev.includes(v));
  if (kept.length !== prev.length || kept.some((v, i) => v !== prev[i])) return undefined;
  const added: { value: string; after?: string; before?: string }[] = [];
  next.forEach((value, i) => {
    if (prev.includes(value)) return;
    added.push(i === 0 ? { value, before: next[1] as string } : { value, after: next[i - 1] as string });
  });
  return added;
}

/**
 * ALTER TYPE … ADD VALUE steps for values added to enum type `name` (PostgreSQL 12+ runs it in a
 * transaction, but a value added there cannot be used before that transaction commits): each runs
 * on its own, outside the migration's transaction, so later steps (a default, an update) can use
 * it. IF NOT EXISTS makes a resumed run idempotent. Undefined when a value was removed or moved.
 * @example addEnumValues('public', 'mood', ['a'], ['a', 'b'])?.[0]?.text // `ALTER TYPE "public"."mood" ADD VALUE IF NOT EXISTS 'b' AFTER 'a'`
 */
export function addEnumValues(schema: string, name: string, prev: readonly string[], next: readonly string[]): Step[] | undefined {
  const added = addedValues(prev, next);
  if (!added) return undefined;
  const type = qualify(schema, name);
  return added.map((a) => {
    const where = a.after !== undefined ? ` AFTER ${quoteLiteral(a.after)}` : a.before !== undefined ? ` BEFORE ${quoteLiteral(a.before)}` : '';
    return sql(`ALTER TYPE ${type} ADD VALUE IF NOT EXISTS ${quoteLiteral(a.value)}${where}`, `add value ${quoteLiteral(a.value)} to enum type ${type} (committed on its own)`, {
      outsideTransaction: true,
    });
  });
}

/**
 * The step that gives enum type `name` exactly `values` when some were removed or moved
 * (PostgreSQL cannot drop an enum value): a new type is created, every column of the type is
 * converted to it through text (its default kept), the old type is dropped and the new one takes
 * its name, all in the migration's transaction. A row holding a removed value makes it fail and
 * roll back; so does anything else depending on the type (an array column, a view, a function).
 * @example rebuildEnumType('public', 'mood', ['a']).summary // 'rebuild enum type "public"."mood" with values (a)'
 */
export function rebuildEnumType(schema: string, name: string, values: readonly string[]): Step {
  const type = qualify(schema, name);
  const temp = derivedName(name, undefined, 'ductape_new');
  const tempType = qualify(schema, temp);
  const body = `DECLARE r record; d text; old oid := ${typeOid(schema, name)};
BEGIN
  CREATE TYPE ${tempType} AS ENUM (${values.map((v) => quoteLiteral(v)).join(', ')});
  FOR r IN SELECT a.attrelid::regclass::text AS tbl, quote_ident(a.attname) AS col, pg_get_expr(ad.adbin, ad.adrelid) AS def
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid AND c.relkind IN ('r', 'p')
      LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
      WHERE a.atttypid = old AND a.attnum > 0 AND NOT a.attisdropped
  LOOP
    d := NULL;
    IF r.def IS NOT NULL THEN
      EXECUTE 'SELECT (' || r.def || ')::text' INTO d;
      EXECUTE format('ALTER TABLE %s ALTER COLUMN %s DROP DEFAULT', r.tbl, r.col);
    END IF;
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %s TYPE ${inFormat(tempType)} USING %s::text::${inFormat(tempType)}', r.tbl, r.col, r.col);
    IF d IS NOT NULL THEN
      EXECUTE format('ALTER TABLE %s ALTER COLUMN %s SET DEFAULT %L', r.tbl, r.col, d);
    END IF;
  END LOOP;
  DROP TYPE ${type};
  ALTER TYPE ${tempType} RENAME TO ${quoteIdent(name, 'enum type')};
END`;
  return sql(doBlock(body), `rebuild enum type ${type} with values (${values.join(', ')})`);
}
