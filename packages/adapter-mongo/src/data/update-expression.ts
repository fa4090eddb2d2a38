import { type PlainRow, type ResolvedExpression, type ResolvedUpdate, assertNever, evaluateExpression } from '@ductape/core';

/** Column → portable type (`integer`, `boolean`, …), from the introspected collection. */
export type FieldTypes = ReadonlyMap<string, string>;

const INTEGER = new Set(['integer', 'smallint', 'bigint']);
const ARITHMETIC = new Set(['$ADD', '$SUB', '$MUL', '$DIV']);

/**
 * The update pipeline of a batch: one `$set` stage of every column's setExpression.
 * @example pipelineSet(resolved, types) // [{ $set: { full_name: { $concat: [...] } } }]
 */
export function pipelineSet(update: ResolvedUpdate, types: FieldTypes = new Map()): { $set: { [column: string]: unknown } }[] {
  return [{ $set: Object.fromEntries(update.set.map((s) => [s.column, setExpression(s.column, s.value, types)])) }];
}

/**
 * The value of one `set` column as an aggregation expression, for a pipeline update
 * (`u: [{ $set: { … } }]`), with the semantics of core's shared evaluator (PostgreSQL's):
 * `$CONCAT` counts null as empty text and prints booleans as t/f, `$LOWER`/`$UPPER` of null is
 * null, arithmetic with null is null, integer ÷ integer truncates, and arithmetic stored in an
 * integer field is rounded half to even and converted ($toInt/$toLong fail out of range).
 * `types` (the introspected fields) tells integer and boolean fields apart.
 * @example setExpression('n', { kind: 'call', op: '$DIV', args: [{ kind: 'column', name: 'n' }, { kind: 'literal', value: 2 }] }, new Map([['n', 'integer']]))
 * // { $toInt: { $round: [{ $trunc: [{ $divide: ['$n', { $literal: 2 }] }, 0] }, 0] } }
 */
export function setExpression(column: string, e: ResolvedExpression, types: FieldTypes = new Map()): unknown {
  const x = aggregationExpression(e, types);
  const target = types.get(column);
  if (e.kind !== 'call' || !ARITHMETIC.has(e.op) || !target || !INTEGER.has(target)) return x;
  return { [target === 'bigint' ? '$toLong' : '$toInt']: { $round: [x, 0] } };
}

/**
 * A resolved value expression as an aggregation expression (see setExpression for the rules).
 * @example aggregationExpression({ kind: 'call', op: '$CONCAT', args: [{ kind: 'column', name: 'first' }, { kind: 'literal', value: ' ' }] })
 * // { $concat: [{ $ifNull: [{ $toString: '$first' }, ''] }, { $ifNull: [{ $toString: { $literal: ' ' } }, ''] }] }
 */
export function aggregationExpression(e: ResolvedExpression, types: FieldTypes = new Map()): unknown {
  switch (e.kind) {
    case 'column':
      return /^\$|\./.test(e.name) ? { $getField: { $literal: e.name } } : `$${e.name}`;
    case 'literal':
      return { $literal: e.value };
    case 'call': {
      const a = e.args.map((x) => aggregationExpression(x, types));
      switch (e.op) {
        case '$CONCAT':
          return { $concat: e.args.map((arg, i) => concatPart(arg, a[i], types)) };
        case '$COALESCE':
          return a.reduceRight((rest, x) => ({ $ifNull: [x, rest] }));
        case '$LOWER':
          return nullSafe('$toLower', e.args[0], a[0], types);
        case '$UPPER':
          return nullSafe('$toUpper', e.args[0], a[0], types);
        case '$ADD':
          return { $add: a };
        case '$SUB':
          return { $subtract: a };
        case '$MUL':
          return { $multiply: a };
        case '$DIV':
          return e.args.every((x) => isInteger(x, types)) ? { $trunc: [{ $divide: a }, 0] } : { $divide: a };
        default:
          return assertNever(e.op);
      }
    }
    default:
      return assertNever(e);
  }
}

/** A part of $CONCAT: null as '', a boolean (literal or boolean field) as t/f, as PostgreSQL's concat(). */
function concatPart(e: ResolvedExpression, x: unknown, types: FieldTypes): unknown {
  if (e.kind === 'literal' && typeof e.value === 'boolean') return { $literal: e.value ? 't' : 'f' };
  if (e.kind === 'column' && types.get(e.name) === 'boolean') return { $cond: [{ $eq: [x, true] }, 't', { $cond: [{ $eq: [x, false] }, 'f', ''] }] };
  return { $ifNull: [{ $toString: x }, ''] };
}

/** $toLower/$toUpper, null for null; what is not known to be text is cast first (true → 'true'). */
function nullSafe(op: string, e: ResolvedExpression | undefined, x: unknown, types: FieldTypes): unknown {
  const text = e?.kind === 'literal' ? typeof e.value === 'string' : e?.kind === 'column' ? ['string', 'text'].includes(types.get(e.name) ?? 'string') : true;
  return { $cond: [{ $eq: [{ $ifNull: [x, null] }, null] }, null, { [op]: text ? x : { $toString: x } }] };
}

function isInteger(e: ResolvedExpression, types: FieldTypes): boolean {
  if (e.kind === 'column') return INTEGER.has(types.get(e.name) ?? '');
  if (e.kind === 'literal') return e.value === null || (typeof e.value === 'number' && Number.isInteger(e.value));
  return (e.op === '$COALESCE' || ARITHMETIC.has(e.op)) && e.args.every((x) => isInteger(x, types));
}

/**
 * @deprecated core's `evaluateExpression` (or `updateEvaluator`) is the one client-side evaluator;
 * this name is kept for callers of earlier versions.
 * @example evaluate({ kind: 'call', op: '$UPPER', args: [{ kind: 'column', name: 'n' }] }, { n: 'ada' }) // 'ADA'
 */
export function evaluate(e: ResolvedExpression, doc: PlainRow): unknown {
  return evaluateExpression(e, doc);
}
