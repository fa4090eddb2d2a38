import { NUMERIC_TYPES, type DefaultValue, type FieldType } from '@ductape/core';

/** What a column default expression means as a portable default (or marks an identity). */
export type ParsedDefault = { readonly kind: 'value'; readonly value: DefaultValue } | { readonly kind: 'serial' } | { readonly kind: 'none' };

const LITERAL = /^'((?:[^']|'')*)'(?:::[\w\s."[\](),]+)?$/;
const NUMBER = /^\(?(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)\)?(?:::[\w\s(),]+)?$/i;
const CAST = String.raw`(?:::[a-z ]+(?:\(\d+(?:,\s*\d+)?\))?(?:\[\])?)?`;

/**
 * The portable default of a column from `pg_get_expr(adbin)`, e.g. `'abc'::character varying` →
 * 'abc', `now()` → { $fn: 'now' }. Unknown expressions come back as their SQL text.
 * @example parseDefault("'it''s'::text", 'text') // { kind: 'value', value: "it's" }
 */
export function parseDefault(expr: string | null | undefined, type: FieldType, itemType?: FieldType): ParsedDefault {
  if (expr === null || expr === undefined) return { kind: 'none' };
  const e = expr.trim();
  if (/^nextval\(/i.test(e)) return { kind: 'serial' };
  if (/^(now\(\)|CURRENT_TIMESTAMP|transaction_timestamp\(\)|LOCALTIMESTAMP)/i.test(e)) return value({ $fn: 'now' });
  if (/^(gen_random_uuid\(\)|uuid_generate_v4\(\))$/i.test(e)) return value({ $fn: 'uuid' });
  if (/^NULL(::.*)?$/i.test(e)) return value(null);
  if (e === 'true' || e === 'false') return value(e === 'true');
  const num = NUMBER.exec(e);
  if (num?.[1] !== undefined) return value(Number(num[1]));
  if (e.startsWith('ARRAY[')) return value(parseArray(e, itemType));
  const lit = LITERAL.exec(e);
  if (lit?.[1] !== undefined) {
    const text = lit[1].replace(/''/g, "'");
    if (type === 'json') return value(JSON.parse(text) as DefaultValue);
    if (type === 'array') return value(text === '{}' ? [] : text);
    if (type === 'boolean') return value(text === 't' || text === 'true');
    if (NUMERIC_TYPES.has(type) && text.trim() !== '' && Number.isFinite(Number(text))) return value(Number(text));
    return value(text);
  }
  return value(e);
}

function parseArray(e: string, itemType: FieldType | undefined): unknown[] {
  const items: unknown[] = [];
  const re = new RegExp(String.raw`'((?:[^']|'')*)'${CAST}|(-?\d+(?:\.\d+)?)${CAST}|\b(true|false)\b`, 'g');
  const body = e.slice('ARRAY['.length, e.lastIndexOf(']'));
  for (const m of body.matchAll(re)) {
    if (m[1] !== undefined) {
      const text = m[1].replace(/''/g, "'");
      items.push(itemType && NUMERIC_TYPES.has(itemType) ? Number(text) : text);
    } else if (m[2] !== undefined) items.push(Number(m[2]));
    else if (m[3] !== undefined) items.push(m[3] === 'true');
  }
  return items;
}

function value(v: DefaultValue): ParsedDefault {
  return { kind: 'value', value: v };
}
