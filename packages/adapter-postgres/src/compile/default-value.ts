import { NUMERIC_TYPES, ValidationError, type DefaultValue, type FieldOptions } from '@ductape/core';
import { quoteLiteral } from '../quote.js';
import { columnType } from './column-type.js';

/**
 * The SQL of a DEFAULT clause's value, written as a hand-written DEFAULT is (DDL takes no
 * parameters): numbers bare, strings quoted and left for PostgreSQL to coerce to the column type,
 * so the stored default reads back (pg_get_expr, information_schema) as the hand-written one does; `{ $fn: 'now' }` is `now()` and `{ $fn: 'uuid' }` is `gen_random_uuid()` (PostgreSQL 13+).
 * @example defaultSql({ type: 'string', default: "it's" }) // "'it''s'"
 */
export function defaultSql(field: FieldOptions & { readonly default: DefaultValue }): string {
  const value = field.default;
  if (value === null) return 'NULL';
  if (typeof value === 'object' && !Array.isArray(value) && '$fn' in value) {
    if (value.$fn === 'now') return 'now()';
    if (value.$fn === 'uuid') return 'gen_random_uuid()';
    throw bad(`unknown function default ${JSON.stringify(value.$fn)}`);
  }
  if (field.type === 'native') return nativeDefault(value);
  const type = columnType(field);
  if (field.type === 'json') return `${quoteLiteral(JSON.stringify(value))}::jsonb`;
  if (field.type === 'array') {
    if (!Array.isArray(value)) throw bad('an array field needs an array default');
    return arrayLiteral(value, type);
  }
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(`default ${String(value)} is not a finite number`);
    // A bare number, as a hand-written DEFAULT 1.5 is: PostgreSQL stores (and reads back) the same text.
    return NUMERIC_TYPES.has(field.type) ? String(value) : quoteLiteral(String(value));
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return field.type === 'decimal' && /^-?\d+(\.\d+)?$/.test(value) ? value : quoteLiteral(value);
  throw bad(`default ${JSON.stringify(value)} does not fit type "${field.type}"`);
}

/**
 * A literal default of a native column, left for PostgreSQL to coerce to the column type (it
 * does so when the DEFAULT is defined, as for `DEFAULT 'a b'` on a tsvector), so it reads back
 * the way a hand-written default does.
 */
function nativeDefault(value: DefaultValue): string {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw bad(`default ${String(value)} is not a finite number`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'string') return quoteLiteral(value);
  if (Array.isArray(value)) return value.length === 0 ? `'{}'` : arrayLiteral(value, '').replace(/::$/, '');
  return quoteLiteral(JSON.stringify(value));
}

/** `ARRAY['a', 'b']::text[]`, elements quoted one by one. */
function arrayLiteral(values: readonly unknown[], type: string): string {
  const items = values.map((v) => {
    if (typeof v === 'string') return quoteLiteral(v);
    if (typeof v === 'number' && Number.isFinite(v)) return quoteLiteral(String(v));
    if (typeof v === 'boolean') return v ? 'true' : 'false';
    throw bad(`array default element ${JSON.stringify(v)} must be a string, number or boolean`);
  });
  return items.length === 0 ? `'{}'::${type}` : `ARRAY[${items.join(', ')}]::${type}`;
}

function bad(message: string): ValidationError {
  return new ValidationError('PostgreSQL default', [{ code: 'invalid_default', path: 'default', message }]);
}
