import type { ResolvedCondition } from '@ductape/core';

const OPS = { eq: '$eq', ne: '$ne', gt: '$gt', gte: '$gte', lt: '$lt', lte: '$lte', in: '$in' } as const;

/**
 * The query filter of an update's `where`: all conditions must hold. `null` (isNull) matches a
 * null or missing field; `$ne` also matches null and missing, as the other adapters document.
 * @example whereFilter([{ column: 'full_name', op: 'isNull' }]) // { $and: [{ full_name: null }] }
 */
export function whereFilter(conditions: readonly ResolvedCondition[]): { readonly [key: string]: unknown } {
  if (conditions.length === 0) return {};
  return { $and: conditions.map((c) => ({ [c.column]: c.op === 'isNull' ? null : { [OPS[c.op]]: c.value } })) };
}
