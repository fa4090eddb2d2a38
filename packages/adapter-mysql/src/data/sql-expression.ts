import { type FieldDefinition, type Literal, type ResolvedCondition, type ResolvedExpression, assertNever } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { temporalValue } from './temporal-value.js';

/** Adds a value to the statement's parameters and returns its `?`. */
export type Param = (value: unknown) => string;
/** The table's columns by name, as introspected. */
export type Fields = ReadonlyMap<string, FieldDefinition>;

const INTEGER_TYPES = new Set(['integer', 'bigint', 'smallint']);

/**
 * The SQL of a value expression, giving the result PostgreSQL gives for the same data:
 * `$CONCAT` skips null parts (CONCAT_WS with an empty separator; MySQL's CONCAT would be null),
 * `$DIV` of two integers truncates (DIV), a number with a fraction is a DOUBLE (as PostgreSQL's
 * double precision), a boolean in text is `t`/`f` (`true`/`false` in $LOWER/$UPPER). `target` is
 * the column a top-level literal is written to (ISO 8601 text is fitted to its temporal type).
 * @example sqlExpression({ kind: 'call', op: '$CONCAT', args: [...] }, fields, param) // "CONCAT_WS('', `first_name`, ?, `last_name`)"
 */
export function sqlExpression(e: ResolvedExpression, fields: Fields, param: Param, target?: FieldDefinition): string {
  switch (e.kind) {
    case 'column':
      return quoteIdent(e.name, 'column');
    case 'literal':
      if (target) return param(literalFor(target, e.value));
      if (typeof e.value === 'number' && !Number.isInteger(e.value)) return `(${param(e.value)} + 0E0)`;
      return param(e.value);
    case 'call': {
      const args = e.args.map((a) => sqlExpression(a, fields, param));
      const text = (style: 'concat' | 'cast') => e.args.map((a, i) => (isBoolean(a, fields) ? booleanText(args[i] as string, style) : (args[i] as string)));
      switch (e.op) {
        case '$CONCAT':
          return `CONCAT_WS('', ${text('concat').join(', ')})`;
        case '$COALESCE':
          return `COALESCE(${args.join(', ')})`;
        case '$LOWER':
          return `LOWER(${text('cast')[0]})`;
        case '$UPPER':
          return `UPPER(${text('cast')[0]})`;
        case '$ADD':
          return `(${args[0]} + ${args[1]})`;
        case '$SUB':
          return `(${args[0]} - ${args[1]})`;
        case '$MUL':
          return `(${args[0]} * ${args[1]})`;
        case '$DIV':
          return e.args.every((a) => isInteger(a, fields)) ? `(${args[0]} DIV ${args[1]})` : `(${args[0]} / ${args[1]})`;
        default:
          return assertNever(e.op);
      }
    }
    default:
      return assertNever(e);
  }
}

/**
 * The SQL of one `where` condition. `ne` matches rows whose value is null too (NOT <=>), as
 * PostgreSQL's IS DISTINCT FROM does; a string or text column compares by code point.
 * @example sqlCondition({ column: 'full_name', op: 'isNull' }, fields, param) // '`full_name` IS NULL'
 */
export function sqlCondition(c: ResolvedCondition, fields: Fields, param: Param): string {
  const field = fields.get(c.column);
  // Text compares by code point, as PostgreSQL's "C" collation and core's evaluator do, not by
  // the column's collation (case-insensitive for utf8mb4_*_ci, and padding trailing spaces).
  const exact = c.op !== 'isNull' && (field?.type === 'string' || field?.type === 'text');
  const col = exact ? `CAST(CONVERT(${quoteIdent(c.column, 'column')} USING utf8mb4) AS BINARY)` : quoteIdent(c.column, 'column');
  const value = (v: unknown) => (exact && v !== null ? `CAST(${param(v)} AS BINARY)` : param(field ? literalFor(field, v as Literal) : v));
  switch (c.op) {
    case 'isNull':
      return `${col} IS NULL`;
    case 'ne':
      return c.value === null ? `${col} IS NOT NULL` : `NOT (${col} <=> ${value(c.value)})`;
    case 'in':
      return `${col} IN (${(c.value as readonly Literal[]).map(value).join(', ')})`;
    case 'eq':
      return `${col} = ${value(c.value)}`;
    case 'gt':
      return `${col} > ${value(c.value)}`;
    case 'gte':
      return `${col} >= ${value(c.value)}`;
    case 'lt':
      return `${col} < ${value(c.value)}`;
    case 'lte':
      return `${col} <= ${value(c.value)}`;
    default:
      return assertNever(c.op);
  }
}

/** A literal as the parameter for `field`: temporal text fitted to the column, others as given. */
function literalFor(field: FieldDefinition, value: Literal): unknown {
  return typeof value === 'string' ? temporalValue(String(field.type), value) : value;
}

function isInteger(e: ResolvedExpression, fields: Fields): boolean {
  if (e.kind === 'literal') return typeof e.value === 'number' && Number.isInteger(e.value);
  if (e.kind === 'column') return INTEGER_TYPES.has(String(fields.get(e.name)?.type));
  if (e.op === '$COALESCE') return e.args.some((a) => !(a.kind === 'literal' && a.value === null)) && e.args.every((a) => (a.kind === 'literal' && a.value === null) || isInteger(a, fields));
  return ['$ADD', '$SUB', '$MUL', '$DIV'].includes(e.op) && e.args.every((a) => isInteger(a, fields));
}

function isBoolean(e: ResolvedExpression, fields: Fields): boolean {
  if (e.kind === 'literal') return typeof e.value === 'boolean';
  if (e.kind === 'column') return fields.get(e.name)?.type === 'boolean';
  return e.op === '$COALESCE' && e.args.every((a) => (a.kind === 'literal' && a.value === null) || isBoolean(a, fields)) && e.args.some((a) => isBoolean(a, fields));
}

/** A boolean (TINYINT(1)) as PostgreSQL writes it: `t`/`f` in concat, `true`/`false` as ::text; null stays null. */
function booleanText(sql: string, style: 'concat' | 'cast'): string {
  const [yes, no] = style === 'concat' ? ['t', 'f'] : ['true', 'false'];
  // `sql` appears once: it may hold parameters.
  return `ELT(2 - ((${sql}) <> 0), '${yes}', '${no}')`;
}
