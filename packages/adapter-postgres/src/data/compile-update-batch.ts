import { type Literal, type ResolvedCondition, type ResolvedExpression, type ResolvedUpdate, assertNever } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';

/** One batch of a data migration: an UPDATE of up to `limit` rows after `after` in key order. */
export interface UpdateBatchStatement {
  readonly text: string;
  readonly params: unknown[];
}

/**
 * Compiles one keyset batch. The CTE picks the next `limit` matching rows in primary-key order
 * (locking them), the UPDATE changes exactly those, and the outer SELECT returns how many and the
 * last key, from which the next batch starts. Every value is a parameter.
 * @example compileUpdateBatch(update, 'public', undefined, 5000).text
 */
export function compileUpdateBatch(update: ResolvedUpdate, schema: string, after: readonly unknown[] | undefined, limit: number): UpdateBatchStatement {
  const { params, param } = collect();
  const table = qualify(schema, update.table);
  const key = update.key.map((k) => quoteIdent(k, 'column'));
  const conditions = batchConditions(update, after, param);
  const sets = update.set.map((s) => `${quoteIdent(s.column, 'column')} = ${expression(s.value, param, 't.')}`);
  const text = [
    `WITH batch AS (SELECT ${key.join(', ')} FROM ${table}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''} ORDER BY ${key.join(', ')} LIMIT ${param(limit)} FOR UPDATE),`,
    `updated AS (UPDATE ${table} AS t SET ${sets.join(', ')} FROM batch WHERE ${key.map((k) => `t.${k} = batch.${k}`).join(' AND ')} RETURNING ${key.map((k) => `t.${k}`).join(', ')})`,
    `SELECT (SELECT count(*) FROM updated)::int AS rows, ${key.map((k, i) => `(SELECT ${k} FROM updated ORDER BY ${key.map((x) => `${x} DESC`).join(', ')} LIMIT 1) AS k${i}`).join(', ')}`,
  ].join('\n');
  return { text, params };
}

/**
 * Counts the rows the batches would update from `after` on: the same `where` and key range as
 * compileUpdateBatch (one compiler), without the batch limit.
 * @example compileUpdateCount(update, 'public', undefined).text // 'SELECT count(*)::bigint AS n FROM "public"."users" WHERE "full_name" IS NULL'
 */
export function compileUpdateCount(update: ResolvedUpdate, schema: string, after: readonly unknown[] | undefined): UpdateBatchStatement {
  const { params, param } = collect();
  const conditions = batchConditions(update, after, param);
  return { text: `SELECT count(*)::bigint AS n FROM ${qualify(schema, update.table)}${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`, params };
}

type Param = (value: unknown, cast?: string) => string;

function collect(): { params: unknown[]; param: Param } {
  const params: unknown[] = [];
  return {
    params,
    param: (value, cast = '') => {
      params.push(value);
      return `$${params.length}${cast}`;
    },
  };
}

/** The rows a batch may take: `where`, and after `after` in key order. */
function batchConditions(update: ResolvedUpdate, after: readonly unknown[] | undefined, param: Param): string[] {
  const conditions = update.where.map((c) => condition(c, param));
  const key = update.key.map((k) => quoteIdent(k, 'column'));
  if (after) conditions.push(`(${key.join(', ')}) > (${after.map((v) => param(v)).join(', ')})`);
  return conditions;
}

function expression(e: ResolvedExpression, param: Param, prefix: string, nested = false): string {
  switch (e.kind) {
    case 'column':
      return `${prefix}${quoteIdent(e.name, 'column')}`;
    case 'literal':
      // Inside a function PostgreSQL cannot infer a parameter's type: give it one.
      return nested ? param(e.value, castOf(e.value)) : param(e.value);
    case 'call': {
      const args = e.args.map((a) => expression(a, param, prefix, true));
      switch (e.op) {
        case '$CONCAT':
          return `concat(${args.join(', ')})`;
        case '$COALESCE':
          return `COALESCE(${args.join(', ')})`;
        case '$LOWER':
          return `lower(${args[0]}::text)`;
        case '$UPPER':
          return `upper(${args[0]}::text)`;
        case '$ADD':
          return `(${args[0]} + ${args[1]})`;
        case '$SUB':
          return `(${args[0]} - ${args[1]})`;
        case '$MUL':
          return `(${args[0]} * ${args[1]})`;
        case '$DIV':
          return `(${args[0]} / ${args[1]})`;
        default:
          return assertNever(e.op);
      }
    }
    default:
      return assertNever(e);
  }
}

function castOf(value: Literal): string {
  if (typeof value === 'number') return Number.isInteger(value) ? '::bigint' : '::double precision';
  if (typeof value === 'boolean') return '::boolean';
  return '::text';
}

function condition(c: ResolvedCondition, param: Param): string {
  const col = quoteIdent(c.column, 'column');
  switch (c.op) {
    case 'isNull':
      return `${col} IS NULL`;
    case 'ne':
      // Unlike `<>`, IS DISTINCT FROM also matches rows whose value is NULL.
      return c.value === null ? `${col} IS NOT NULL` : `${col} IS DISTINCT FROM ${param(c.value)}`;
    case 'in':
      return `${col} = ANY(${param(c.value)})`;
    case 'eq':
      return `${col} = ${param(c.value)}`;
    case 'gt':
      return `${col} > ${param(c.value)}`;
    case 'gte':
      return `${col} >= ${param(c.value)}`;
    case 'lt':
      return `${col} < ${param(c.value)}`;
    case 'lte':
      return `${col} <= ${param(c.value)}`;
    default:
      return assertNever(c.op);
  }
}
