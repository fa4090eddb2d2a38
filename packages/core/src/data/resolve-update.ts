import { InvalidArgumentError, ValidationError } from '../errors/errors.js';
import { identifierProblem } from '../helpers/identifiers.js';
import { isRecord } from '../helpers/issue-list.js';
import type { CollectionSnapshot } from '../model/operation.js';
import { updateTypeIssues } from './check-update-types.js';
import { type ResolvedExpression, resolveExpression } from './resolve-expression.js';
import { CONDITION_OPERATORS, type Literal, type UpdateRequest } from './update-request.js';

export type ComparisonOperator = 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'isNull';

export interface ResolvedCondition {
  readonly column: string;
  readonly op: ComparisonOperator;
  /** Absent for isNull; a list for in. */
  readonly value?: Literal | readonly Literal[];
}

/** An update checked against the table's columns, ready for an adapter to compile. */
export interface ResolvedUpdate {
  readonly table: string;
  /** The key the batches walk in order (the primary key's columns). */
  readonly key: readonly string[];
  readonly set: readonly { readonly column: string; readonly value: ResolvedExpression }[];
  readonly where: readonly ResolvedCondition[];
}

/**
 * Checks an update against the introspected table — columns, and values and operators against
 * the column types (see updateTypeIssues) — and decides every string (column or text).
 * @example resolveUpdate({ table: 'users', data: { full_name: { $CONCAT: ['first_name', ' ', 'last_name'] } }, where: { full_name: null } }, snapshot)
 */
export function resolveUpdate(request: UpdateRequest, table: CollectionSnapshot): ResolvedUpdate {
  if (!isRecord(request)) throw new InvalidArgumentError('the update', '{ table, data, where? }', request);
  const columns = new Set(table.fields.map((f) => f.name));
  const unknown = (name: string) => ({ code: 'unknown_column', path: name, message: `"${table.name}" has no column "${name}"` });
  if (!isRecord(request.data) || Object.keys(request.data).length === 0) throw new InvalidArgumentError('data', 'an object of column → value with at least one column', request.data);
  const missing = Object.keys(request.data).filter((c) => !columns.has(c));
  const where = request.where ?? {};
  if (!isRecord(where)) throw new InvalidArgumentError('where', 'an object of column → condition', where);
  missing.push(...Object.keys(where).filter((c) => !columns.has(c)));
  if (missing.length > 0) throw new ValidationError(`update of "${table.name}"`, missing.map(unknown));
  const key = table.fields.filter((f) => f.primaryKey).map((f) => f.name);
  if (key.length === 0) throw new ValidationError(`update of "${table.name}"`, [{ code: 'no_primary_key', path: 'table', message: 'batched updates walk the primary key, and this table has none' }]);
  for (const c of [...Object.keys(request.data), ...Object.keys(where)]) {
    const problem = identifierProblem(c);
    if (problem) throw new ValidationError('update', [{ code: 'invalid_identifier', path: c, message: problem }]);
  }
  const resolved: ResolvedUpdate = {
    table: table.name,
    key,
    set: Object.entries(request.data).map(([column, value]) => ({ column, value: resolveExpression(value, columns) })),
    where: Object.entries(where).flatMap(([column, cond]) => conditions(column, cond)),
  };
  const typeIssues = updateTypeIssues(resolved, table);
  if (typeIssues.length > 0) throw new ValidationError(`update of "${table.name}"`, typeIssues);
  return resolved;
}

function conditions(column: string, cond: unknown): ResolvedCondition[] {
  if (cond === null) return [{ column, op: 'isNull' }];
  if (!isRecord(cond)) return [{ column, op: 'eq', value: literal(cond, column) }];
  const entries = Object.entries(cond);
  if (entries.length === 0) throw new InvalidArgumentError(`where.${column}`, `a value or one of ${CONDITION_OPERATORS.join(', ')}`, cond);
  return entries.map(([key, value]) => {
    if (!CONDITION_OPERATORS.includes(key as never)) throw new InvalidArgumentError(`where.${column}.${key}`, `one of ${CONDITION_OPERATORS.join(', ')}`, key);
    if (key === '$in') {
      if (!Array.isArray(value) || value.length === 0) throw new InvalidArgumentError(`where.${column}.$in`, 'a non-empty list', value);
      return { column, op: 'in', value: value.map((v) => literal(v, column)) };
    }
    if (value === null && (key === '$eq' || key === '$ne')) return key === '$eq' ? { column, op: 'isNull' } : { column, op: 'ne', value: null };
    return { column, op: key.slice(1) as ComparisonOperator, value: literal(value, column) };
  });
}

function literal(value: unknown, column: string): Literal {
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return value as Literal;
  throw new InvalidArgumentError(`where.${column}`, 'a string, number, boolean or null', value);
}
