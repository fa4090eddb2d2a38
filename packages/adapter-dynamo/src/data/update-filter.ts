import type { Literal, ResolvedCondition } from '@ductape/core';
import { assertNever } from '@ductape/core';
import { type AttributeValue, marshalLiteral } from './item-values.js';

/** A DynamoDB condition expression with its placeholders. */
export interface Condition {
  readonly expression: string | undefined;
  readonly names: { [placeholder: string]: string };
  readonly values: { [placeholder: string]: AttributeValue };
}

/**
 * The `where` of a data migration as a DynamoDB condition (all must hold), with SQL's null rules:
 * a missing attribute or a NULL value is null; `$ne` also matches null (IS DISTINCT FROM).
 * @example whereCondition([{ column: 'full_name', op: 'isNull' }]).expression // '(attribute_not_exists(#w0) OR attribute_type(#w0, :null))'
 */
export function whereCondition(where: readonly ResolvedCondition[]): Condition {
  const names: Condition['names'] = {};
  const values: Condition['values'] = {};
  let n = 0;
  const value = (v: Literal): string => {
    const p = `:w${n++}`;
    values[p] = marshalLiteral(v);
    return p;
  };
  const parts = where.map((c, i) => {
    const col = `#w${i}`;
    names[col] = c.column;
    const isNull = () => {
      values[':null'] = { S: 'NULL' };
      return `(attribute_not_exists(${col}) OR attribute_type(${col}, :null))`;
    };
    switch (c.op) {
      case 'isNull':
        return isNull();
      case 'in':
        return `${col} IN (${(c.value as Literal[]).map(value).join(', ')})`;
      case 'ne':
        return c.value === null ? `NOT ${isNull()}` : `(${isNull()} OR ${col} <> ${value(c.value as Literal)})`;
      case 'eq':
      case 'gt':
      case 'gte':
      case 'lt':
      case 'lte':
        return `${col} ${SYMBOL[c.op]} ${value(c.value as Literal)}`;
      default:
        return assertNever(c.op);
    }
  });
  return { expression: parts.length > 0 ? parts.join(' AND ') : undefined, names, values };
}

const SYMBOL = { eq: '=', gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;
