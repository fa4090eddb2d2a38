import { type ResolvedExpression, assertNever } from '@ductape/core';

/**
 * A resolved value expression computed for one item, with the SQL semantics the other adapters
 * follow: `$CONCAT` counts null as empty text, `$COALESCE` takes the first non-null,
 * `$LOWER`/`$UPPER` and arithmetic with null give null, division by zero fails.
 * @example evaluate({ kind: 'call', op: '$UPPER', args: [{ kind: 'column', name: 'n' }] }, { n: 'ada' }) // 'ADA'
 */
export function evaluate(e: ResolvedExpression, item: { readonly [column: string]: unknown }): unknown {
  switch (e.kind) {
    case 'column':
      return item[e.name] ?? null;
    case 'literal':
      return e.value;
    case 'call': {
      const a = e.args.map((x) => evaluate(x, item));
      switch (e.op) {
        case '$CONCAT':
          return a.map((v) => (v === null ? '' : String(v))).join('');
        case '$COALESCE':
          return a.find((v) => v !== null) ?? null;
        case '$LOWER':
          return a[0] === null ? null : String(a[0]).toLowerCase();
        case '$UPPER':
          return a[0] === null ? null : String(a[0]).toUpperCase();
        case '$ADD':
        case '$SUB':
        case '$MUL':
        case '$DIV':
          return arithmetic(e.op, a[0], a[1]);
        default:
          return assertNever(e.op);
      }
    }
    default:
      return assertNever(e);
  }
}

function arithmetic(op: '$ADD' | '$SUB' | '$MUL' | '$DIV', x: unknown, y: unknown): number | null {
  if (x === null || y === null) return null;
  const [p, q] = [Number(x), Number(y)];
  if (op === '$DIV' && q === 0) throw new Error('division by zero in a data migration');
  return op === '$ADD' ? p + q : op === '$SUB' ? p - q : op === '$MUL' ? p * q : p / q;
}
