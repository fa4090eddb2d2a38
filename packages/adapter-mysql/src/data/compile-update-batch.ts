import type { ResolvedUpdate } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import { type KeyColumn, keyAfter, keySelect, keyUpTo } from './key-columns.js';
import { type Fields, type Param, sqlCondition, sqlExpression } from './sql-expression.js';

/** One statement of a batch: text with `?` parameters. */
export interface UpdateBatchStatement {
  readonly text: string;
  readonly params: unknown[];
}

/** A key as the batches carry it: one value per key column, in the form of key-columns.ts. */
export type KeyValues = readonly unknown[];

/** What every statement of one data migration is compiled from (see planUpdate). */
export interface UpdatePlan {
  readonly update: ResolvedUpdate;
  readonly fields: Fields;
  readonly key: readonly KeyColumn[];
  /** The assignments in an order where each one reads only values no earlier one changed. */
  readonly set: ResolvedUpdate['set'];
}

/**
 * The key of the batch's last row: the `limit`-th row matching `where` after `after` in key
 * order (`last: false`), or, when fewer remain, the last matching row (`last: true`, descending).
 * No row: nothing is left. A consistent read, no lock.
 * @example compileBatchEnd(plan, undefined, 5000, false).text
 * // 'SELECT `id` AS k0 FROM `users` WHERE `full_name` IS NULL ORDER BY `id` LIMIT 1 OFFSET ?'
 */
export function compileBatchEnd(plan: UpdatePlan, after: KeyValues | undefined, limit: number, last: boolean): UpdateBatchStatement {
  const { params, param } = collect();
  const where = conditions(plan, after, undefined, param);
  const order = plan.key.map((k) => `${k.quoted}${last ? ' DESC' : ''}`).join(', ');
  const tail = last ? 'LIMIT 1' : `LIMIT 1 OFFSET ${param(limit - 1)}`;
  const text = `SELECT ${plan.key.map((k, i) => `${keySelect(k)} AS k${i}`).join(', ')} FROM ${quoteIdent(plan.update.table, 'table')}${where} ORDER BY ${order} ${tail}`;
  return { text, params };
}

/**
 * One batch: `UPDATE … SET … WHERE <where> AND <key after `after`> AND <key up to `upTo`>`, every
 * value a parameter. Only rows in that key range that still match `where` change.
 * @example compileUpdateBatch(plan, [5000], [10000]).text
 * // "UPDATE `users` SET `full_name` = CONCAT_WS('', `first_name`, ?, `last_name`) WHERE `full_name` IS NULL AND `id` > ? AND `id` <= ?"
 */
export function compileUpdateBatch(plan: UpdatePlan, after: KeyValues | undefined, upTo: KeyValues): UpdateBatchStatement {
  const { params, param } = collect();
  const sets = plan.set.map((s) => `${quoteIdent(s.column, 'column')} = ${sqlExpression(s.value, plan.fields, param, plan.fields.get(s.column))}`);
  const text = `UPDATE ${quoteIdent(plan.update.table, 'table')} SET ${sets.join(', ')}${conditions(plan, after, upTo, param)}`;
  return { text, params };
}

/**
 * Counts the rows the batches would update after `after` (the whole table without it): the
 * batches' own conditions (one compiler), without the batch bounds.
 * @example compileUpdateCount(plan, undefined).text // 'SELECT COUNT(*) AS n FROM `users` WHERE `full_name` IS NULL'
 */
export function compileUpdateCount(plan: UpdatePlan, after: KeyValues | undefined): UpdateBatchStatement {
  const { params, param } = collect();
  return { text: `SELECT COUNT(*) AS n FROM ${quoteIdent(plan.update.table, 'table')}${conditions(plan, after, undefined, param)}`, params };
}

function conditions(plan: UpdatePlan, after: KeyValues | undefined, upTo: KeyValues | undefined, param: Param): string {
  const all = plan.update.where.map((c) => sqlCondition(c, plan.fields, param));
  if (after) all.push(keyAfter(plan.key, after, param));
  if (upTo) all.push(keyUpTo(plan.key, upTo, param));
  return all.length ? ` WHERE ${all.join(' AND ')}` : '';
}

function collect(): { params: unknown[]; param: Param } {
  const params: unknown[] = [];
  return {
    params,
    param: (value) => {
      params.push(value);
      return '?';
    },
  };
}
