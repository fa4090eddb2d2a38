import { InvalidArgumentError } from '../errors/errors.js';
import { isRecord } from '../helpers/issue-list.js';
import type { Literal, ValueExpression } from './update-request.js';
import { VALUE_OPERATORS } from './update-request.js';

/** A value expression with every string decided: a column, or a literal. Adapters compile this. */
export type ResolvedExpression =
  | { readonly kind: 'column'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: Literal }
  | { readonly kind: 'call'; readonly op: (typeof VALUE_OPERATORS)[number]; readonly args: readonly ResolvedExpression[] };

const ARITY: Record<(typeof VALUE_OPERATORS)[number], number | 'many'> = { $CONCAT: 'many', $COALESCE: 'many', $LOWER: 1, $UPPER: 1, $ADD: 2, $SUB: 2, $MUL: 2, $DIV: 2 };

/**
 * Decides every string of an expression by the documented rule: at the top level a plain value
 * is a literal; inside an operator a string naming one of `columns` is that column.
 * @example resolveExpression({ $CONCAT: ['first_name', ' ', 'last_name'] }, new Set(['first_name', 'last_name']))
 */
export function resolveExpression(expr: ValueExpression, columns: ReadonlySet<string>, nested = false): ResolvedExpression {
  if (expr === null || typeof expr === 'number' || typeof expr === 'boolean') return { kind: 'literal', value: expr };
  if (typeof expr === 'string') return nested && columns.has(expr) ? { kind: 'column', name: expr } : { kind: 'literal', value: expr };
  if (!isRecord(expr)) throw new InvalidArgumentError('a data value', 'a literal or an operator such as { $CONCAT: [...] }', expr);
  const keys = Object.keys(expr);
  if (keys.length !== 1) throw new InvalidArgumentError('an operator object', 'exactly one key such as $CONCAT', expr);
  const key = keys[0] as string;
  const arg = (expr as Record<string, unknown>)[key];
  if (key === '$col') {
    if (typeof arg !== 'string' || !columns.has(arg)) throw new InvalidArgumentError('$col', `a column of the table (${[...columns].join(', ')})`, arg);
    return { kind: 'column', name: arg };
  }
  if (key === '$literal') {
    if (arg !== null && !['string', 'number', 'boolean'].includes(typeof arg)) throw new InvalidArgumentError('$literal', 'a string, number, boolean or null', arg);
    return { kind: 'literal', value: arg as Literal };
  }
  const op = key as (typeof VALUE_OPERATORS)[number];
  if (!VALUE_OPERATORS.includes(op)) throw new InvalidArgumentError(`operator ${key}`, `one of ${VALUE_OPERATORS.join(', ')}, $col, $literal`, key);
  const args = ARITY[op] === 1 ? [arg] : arg;
  if (!Array.isArray(args) || args.length === 0 || (ARITY[op] !== 'many' && args.length !== ARITY[op])) {
    throw new InvalidArgumentError(`${op}'s arguments`, ARITY[op] === 'many' ? 'a non-empty list' : `${ARITY[op]} argument(s)`, arg);
  }
  return { kind: 'call', op, args: args.map((a) => resolveExpression(a as ValueExpression, columns, true)) };
}
