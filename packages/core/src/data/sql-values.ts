/**
 * How the shared evaluator reads plain row values: PostgreSQL's rules for the same data.
 * null, undefined and a missing key are all NULL. Numbers may arrive as numbers, bigints, or
 * (for bigint/decimal columns) numeric text.
 */

/**
 * Whether a row value is SQL NULL: null, undefined, or a missing key.
 * @example isSqlNull(undefined) // true
 */
export function isSqlNull(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

const INTEGER_TEXT = /^-?\d+$/;
const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;

/**
 * A value as a number for arithmetic and comparison: a number, a bigint, or numeric text (how
 * bigint and decimal columns may be read); undefined when it is not numeric.
 * @example numeric('9007199254740993') // 9007199254740993n
 */
export function numeric(v: unknown): number | bigint | undefined {
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v !== 'string') return undefined;
  if (INTEGER_TEXT.test(v)) {
    const n = Number(v);
    return Number.isSafeInteger(n) ? n : BigInt(v);
  }
  return NUMBER_TEXT.test(v) ? Number(v) : undefined;
}

/**
 * A non-NULL value as text the way PostgreSQL's `concat()` prints it: booleans as `t`/`f`,
 * numbers in their shortest exact form (`1.5`, `42`), text as it is. With `cast`, as `::text`
 * prints it (what `lower`/`upper` see): booleans as `true`/`false`.
 * @example sqlText(true) // 't'
 */
export function sqlText(v: unknown, cast = false): string {
  if (typeof v === 'boolean') return cast ? String(v) : v ? 't' : 'f';
  if (v instanceof Date) return v.toISOString();
  return String(v);
}

/**
 * SQL comparison of two non-NULL values: numbers (and numeric text against a number) by value,
 * text by code point (binary order, as PostgreSQL's "C" collation and Cassandra), booleans
 * false < true. undefined when the two cannot be compared (different kinds).
 * @example sqlCompare(2, '10') // -1
 */
export function sqlCompare(a: unknown, b: unknown): -1 | 0 | 1 | undefined {
  if (typeof a === 'string' && typeof b === 'string') return compareText(a, b);
  if (typeof a === 'boolean' && typeof b === 'boolean') return a === b ? 0 : a ? 1 : -1;
  const x = numeric(a);
  const y = numeric(b);
  if (x !== undefined && y !== undefined && (typeof a !== 'string' || typeof b !== 'string')) return x < y ? -1 : x > y ? 1 : 0;
  if (a instanceof Date && b instanceof Date) return a.getTime() < b.getTime() ? -1 : a.getTime() > b.getTime() ? 1 : 0;
  return undefined;
}

function compareText(a: string, b: string): -1 | 0 | 1 {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : 1;
}
