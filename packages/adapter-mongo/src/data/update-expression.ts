import { type Literal, type ResolvedExpression, assertNever } from '@ductape/core';

/**
 * A resolved value expression as an aggregation expression, for a pipeline update
 * (`u: [{ $set: { … } }]`). Semantics follow SQL as the other adapters do: `$CONCAT` counts null
 * as empty text, `$LOWER`/`$UPPER` of null is null, arithmetic with null is null.
 * @example aggregationExpression({ kind: 'call', op: '$CONCAT', args: [{ kind: 'column', name: 'first' }, { kind: 'literal', value: ' ' }] })
 * // { $concat: [{ $ifNull: [{ $toString: '$first' }, ''] }, { $ifNull: [{ $toString: { $literal: ' ' } }, ''] }] }
 */
export function aggregationExpression(e: ResolvedExpression): unknown {
  switch (e.kind) {
    case 'column':
      return /^\$|\./.test(e.name) ? { $getField: { $literal: e.name } } : `$${e.name}`;
    case 'literal':
      return { $literal: e.value };
    case 'call': {
      const a = e.args.map(aggregationExpression);
      switch (e.op) {
        case '$CONCAT':
          return { $concat: a.map((x) => ({ $ifNull: [{ $toString: x }, ''] })) };
        case '$COALESCE':
          return a.reduceRight((rest, x) => ({ $ifNull: [x, rest] }));
        case '$LOWER':
          return nullSafe('$toLower', a[0]);
        case '$UPPER':
          return nullSafe('$toUpper', a[0]);
        case '$ADD':
          return { $add: a };
        case '$SUB':
          return { $subtract: a };
        case '$MUL':
          return { $multiply: a };
        case '$DIV':
          return { $divide: a };
        default:
          return assertNever(e.op);
      }
    }
    default:
      return assertNever(e);
  }
}

function nullSafe(op: string, x: unknown): unknown {
  return { $cond: [{ $eq: [{ $ifNull: [x, null] }, null] }, null, { [op]: x }] };
}

/**
 * The same expression evaluated on one document, for servers without pipeline updates
 * (FerretDB 1.x): read the batch, compute, write `$set` per document.
 * @example evaluate({ kind: 'call', op: '$UPPER', args: [{ kind: 'column', name: 'n' }] }, { n: 'ada' }) // 'ADA'
 */
export function evaluate(e: ResolvedExpression, doc: { readonly [key: string]: unknown }): unknown {
  switch (e.kind) {
    case 'column':
      return doc[e.name] ?? null;
    case 'literal':
      return e.value as Literal;
    case 'call': {
      const a = e.args.map((x) => evaluate(x, doc));
      switch (e.op) {
        case '$CONCAT':
          return a.map((v) => (v === null || v === undefined ? '' : String(v))).join('');
        case '$COALESCE':
          return a.find((v) => v !== null && v !== undefined) ?? null;
        case '$LOWER':
          return a[0] === null ? null : String(a[0]).toLowerCase();
        case '$UPPER':
          return a[0] === null ? null : String(a[0]).toUpperCase();
        default:
          return arithmetic(e.op, a[0], a[1]);
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
