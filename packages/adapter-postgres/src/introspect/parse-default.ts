import { NUMERIC_TYPES, type DefaultValue, type FieldType } from '@ductape/core';

/**
 * What a column default expression means: a portable default the compiler writes back with the
 * same meaning, or an `expression` the model has no name for (kept
 * verbatim by the introspector in a native type's DEFAULT clause).
 */
export type ParsedDefault = { readonly kind: 'value'; readonly value: DefaultValue } | { readonly kind: 'expression'; readonly sql: string } | { readonly kind: 'none' };

const LITERAL = /^'((?:[^']|'')*)'(?:::[\w\s."[\](),]+)?$/;
const NUMBER = /^\(?(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\)?(?:::[\w\s(),]+)?$/i;
const CAST = String.raw`(?:::[a-z ]+(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?)?`;
const ARRAY_ITEM = new RegExp(String.raw`^(?:'((?:[^']|'')*)'${CAST}|\(?(-?\d+(?:\.\d+)?)\)?${CAST}|(true|false))$`);

/**
 * The portable default of a column from `pg_get_expr(adbin)`, e.g. `'abc'::character varying` →
 * 'abc', `now()` → { $fn: 'now' } (also CURRENT_TIMESTAMP, LOCALTIMESTAMP and
 * transaction_timestamp(), the same instant), gen_random_uuid()/uuid_generate_v4() →
 * { $fn: 'uuid' }. Any other expression (CURRENT_DATE, `now() + '1 day'`, a sequence the
 * column does not own, a function call) is `expression`, never a string that would be
 * recreated as a literal.
 * @example parseDefault("'it''s'::text", 'text') // { kind: 'value', value: "it's" }
 * @example parseDefault('CURRENT_DATE', 'date') // { kind: 'expression', sql: 'CURRENT_DATE' }
 */
export function parseDefault(expr: string | null | undefined, type: FieldType, itemType?: FieldType): ParsedDefault {
  if (expr === null || expr === undefined) return { kind: 'none' };
  const e = expr.trim();
  if (/^(now\(\)|CURRENT_TIMESTAMP|transaction_timestamp\(\)|LOCALTIMESTAMP)$/i.test(e) && type !== 'native') return value({ $fn: 'now' });
  if (/^(gen_random_uuid\(\)|uuid_generate_v4\(\))$/i.test(e) && type !== 'native') return value({ $fn: 'uuid' });
  if (/^NULL(::[\w\s."[\](),]+)?$/i.test(e)) return value(null);
  if (e === 'true' || e === 'false') return value(e === 'true');
  const num = NUMBER.exec(e);
  if (num?.[1] !== undefined && (type === 'native' || NUMERIC_TYPES.has(type))) return numeric(num[1], type, e);
  if (e.startsWith('ARRAY[') && e.includes(']') && type === 'array') {
    const items = parseArray(e, itemType);
    return items ? value(items) : { kind: 'expression', sql: e };
  }
  const lit = LITERAL.exec(e);
  if (lit?.[1] !== undefined) {
    const text = lit[1].replace(/''/g, "'");
    if (type === 'json') return value(JSON.parse(text) as DefaultValue);
    if (type === 'array') {
      const items = parseArrayText(text, itemType);
      return items ? value(items) : { kind: 'expression', sql: e };
    }
    if (type === 'boolean') return value(text === 't' || text === 'true');
    if (NUMERIC_TYPES.has(type)) return /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? numeric(text, type, e) : { kind: 'expression', sql: e };
    return value(text);
  }
  return { kind: 'expression', sql: e };
}

/** Items of `ARRAY['a'::text, 'b'::text]::text[]` when every item is a literal; else undefined. */
function parseArray(e: string, itemType: FieldType | undefined): unknown[] | undefined {
  const close = e.lastIndexOf(']');
  const tail = e.slice(close + 1);
  if (tail !== '' && !/^::[\w\s."[\](),]+$/.test(tail)) return undefined;
  const body = e.slice('ARRAY['.length, close).trim();
  if (body === '') return [];
  const items: unknown[] = [];
  for (const part of splitTopLevel(body)) {
    const m = ARRAY_ITEM.exec(part.trim());
    if (!m) return undefined;
    if (m[1] !== undefined) {
      const text = m[1].replace(/''/g, "'");
      items.push(itemType && NUMERIC_TYPES.has(itemType) ? Number(text) : text);
    } else if (m[2] !== undefined) items.push(Number(m[2]));
    else items.push(m[3] === 'true');
  }
  return items;
}

/**
 * Items of an array literal's text, `{a,b}` or `{1,2}`, when every item is a plain word or number
 * (no quotes, NULL, nesting or escapes); else undefined.
 */
function parseArrayText(text: string, itemType: FieldType | undefined): unknown[] | undefined {
  if (text === '{}') return [];
  const m = /^\{([^{}"\\]*)\}$/.exec(text);
  if (!m?.[1]) return undefined;
  const items = m[1].split(',');
  if (items.some((i) => i === '' || /^null$/i.test(i) || i !== i.trim())) return undefined;
  if (itemType && NUMERIC_TYPES.has(itemType)) return items.every((i) => /^-?\d+(\.\d+)?$/.test(i) && String(Number(i)) === i) ? items.map(Number) : undefined;
  if (itemType === 'boolean') return items.every((i) => i === 't' || i === 'f') ? items.map((i) => i === 't') : undefined;
  return items;
}

/** Splits `a, 'b, c', d` at commas outside quotes and brackets. */
function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "'") quoted = !quoted;
    else if (!quoted && (ch === '(' || ch === '[')) depth++;
    else if (!quoted && (ch === ')' || ch === ']')) depth--;
    else if (!quoted && depth === 0 && ch === ',') {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}

/**
 * A number default as a number when it survives the trip through a JavaScript number exactly;
 * a decimal that does not (1.50, more than 15 digits) keeps its text, anything else stays SQL.
 */
function numeric(text: string, type: FieldType, sql: string): ParsedDefault {
  const n = Number(text);
  if (Number.isFinite(n) && String(n) === text) return value(n);
  if (type === 'decimal') return value(text);
  return { kind: 'expression', sql: /^-?\d+(\.\d+)?$/.test(text) ? text : sql };
}

function value(v: DefaultValue): ParsedDefault {
  return { kind: 'value', value: v };
}
