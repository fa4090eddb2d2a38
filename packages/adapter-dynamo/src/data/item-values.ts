import { type Literal, numeric } from '@ductape/core';

/** A DynamoDB AttributeValue as plain JSON. */
export type AttributeValue = { readonly [type: string]: unknown };

/**
 * A literal (or a computed bigint) as an AttributeValue (null as NULL; used in conditions).
 * @example marshalLiteral(3) // { N: '3' }
 */
export function marshalLiteral(v: Literal | bigint): AttributeValue {
  if (v === null) return { NULL: true };
  if (typeof v === 'number' || typeof v === 'bigint') return { N: String(v) };
  if (typeof v === 'boolean') return { BOOL: v };
  return { S: v };
}

/**
 * The JS value of an attribute for core's evaluator: S → string, N → number (a bigint past 2^53,
 * so integers stay exact), BOOL, NULL or missing → null; other types (maps, lists, binary, sets)
 * stay as their AttributeValue.
 * @example plainValue({ N: '42' }) // 42
 */
export function plainValue(a: AttributeValue | undefined): unknown {
  if (!a || a.NULL === true) return null;
  if (typeof a.S === 'string') return a.S;
  if (typeof a.N === 'string') return numeric(a.N) ?? Number(a.N);
  if (typeof a.BOOL === 'boolean') return a.BOOL;
  return a;
}
