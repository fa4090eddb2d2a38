import { assertNever } from '../model/operation.js';
import type { ResolvedCondition } from './resolve-update.js';
import { isSqlNull, sqlCompare } from './sql-values.js';

/**
 * Whether a plain row matches an update's `where` (all conditions), with PostgreSQL's rules:
 * `null` (isNull) matches NULL and a missing key; `eq`, `in` and the comparisons never match
 * NULL; `$ne: v` also matches NULL (IS DISTINCT FROM); `$ne: null` is IS NOT NULL.
 * @example rowMatches([{ column: 'full_name', op: 'isNull' }], { first_name: 'Ada' }) // true
 */
export function rowMatches(where: readonly ResolvedCondition[], row: { readonly [column: string]: unknown }): boolean {
  return where.every((c) => conditionHolds(c, row[c.column]));
}

function conditionHolds(c: ResolvedCondition, v: unknown): boolean {
  switch (c.op) {
    case 'isNull':
      return isSqlNull(v);
    case 'ne':
      return isSqlNull(c.value) ? !isSqlNull(v) : isSqlNull(v) || sqlCompare(v, c.value) !== 0;
    case 'in':
      return !isSqlNull(v) && (c.value as readonly unknown[]).some((x) => !isSqlNull(x) && sqlCompare(v, x) === 0);
    case 'eq':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      if (isSqlNull(v) || isSqlNull(c.value)) return false;
      const order = sqlCompare(v, c.value);
      if (order === undefined) return false;
      return c.op === 'eq' ? order === 0 : c.op === 'gt' ? order > 0 : c.op === 'gte' ? order >= 0 : c.op === 'lt' ? order < 0 : order <= 0;
    }
    default:
      return assertNever(c.op);
  }
}
