import { type Literal, type ResolvedCondition, type ResolvedExpression, type ResolvedUpdate, assertNever } from '@ductape/core';
import { qualify, quoteIdent } from '../quote.js';

/** One batch of a data migration: an UPDATE of up to `limit` rows after `after` in key order. */
export interface UpdateBatchStatement {
  readonly text: string;
  readonly params: unknown[];
}

/** Where a batch records how far the run got: the progress table (qualified), the run's id, the rows updated before this batch (a placeholder text in a dry run's plan). */
export interface BatchProgress {
  readonly table: string;
  readonly id: string;
  readonly rowsBefore: number | string;
}

/**
 * Compiles one keyset batch. `nth` reads (without locking) the `limit`-th key after `after` in
 * primary-key order, matching or not, from the key's index alone; when fewer keys are left,
 * `bound` is the last key instead and this is the last batch (`full` false). The UPDATE then
 * changes the matching rows in the key range (after, bound], re-checking `where` on each row it
 * updates (a row a concurrent writer changed is taken in its new version, or left when it no
 * longer matches), so rows are locked only while the UPDATE runs and each is written once. The
 * outer SELECT returns how many rows were updated, whether the batch was full and the bound, as
 * text (`to_jsonb(k) #>> '{}'`: exact for every type, where a Date would keep milliseconds and a
 * JSON number round a bigint above 2^53), from which the next batch starts. With `progress`, the
 * same statement upserts the run's progress row (bound, rows so far), so the batch and its
 * progress commit together in one round trip, without a transaction around them. Every value is a
 * parameter.
 * @example compileUpdateBatch(update, 'public', undefined, 5000).text
 */
export function compileUpdateBatch(update: ResolvedUpdate, schema: string, after: readonly unknown[] | undefined, limit: number, progress?: BatchProgress): UpdateBatchStatement {
  const { params, param } = collect();
  const table = qualify(schema, update.table);
  const key = update.key.map((k) => quoteIdent(k, 'column'));
  const keys = key.join(', ');
  const tuple = (prefix: string) => `(${key.map((k) => `${prefix}${k}`).join(', ')})`;
  const asText = (prefix: string) => key.map((k) => `to_jsonb(${prefix}${k}) #>> '{}'`);
  // The batch's keys are the next `limit` keys of the table, matching or not (as a hand-written
  // keyset loop takes them): read from the primary key's index alone, without visiting the rows
  // and without keeping them (only the limit-th is kept); `where` is checked once, by the UPDATE.
  const range = batchConditions({ ...update, where: [] }, after, param);
  const where = range.length ? ` WHERE ${range.join(' AND ')}` : '';
  const sets = setList(update, param);
  // The UPDATE's own conditions: `where` and the key range, on the row it is about to change.
  const rowConditions = batchConditions(update, after, param, 't.');
  const lines = [
    `WITH nth AS (SELECT ${keys} FROM ${table}${where} ORDER BY ${keys} OFFSET ${param(limit - 1)} LIMIT 1),`,
    `bound AS (SELECT ${keys}, true AS full FROM nth UNION ALL SELECT ${keys}, false FROM (SELECT ${keys} FROM ${table}${where} ORDER BY ${key.map((k) => `${k} DESC`).join(', ')} LIMIT 1) l WHERE NOT EXISTS (SELECT 1 FROM nth)),`,
    `updated AS (UPDATE ${table} AS t SET ${sets.join(', ')} WHERE ${[...rowConditions, `${tuple('t.')} <= (SELECT ${keys} FROM bound)`].join(' AND ')} RETURNING 1),`,
    `counted AS (SELECT count(*)::int AS n FROM updated)${progress ? ',' : ''}`,
  ];
  if (progress) {
    lines.push(
      `saved AS (INSERT INTO ${progress.table} (id, last_key, rows) SELECT ${param(progress.id)}, jsonb_build_array(${asText('bound.').join(', ')}), ${param(progress.rowsBefore)}::bigint + counted.n FROM bound, counted`,
      '  ON CONFLICT (id) DO UPDATE SET last_key = EXCLUDED.last_key, rows = EXCLUDED.rows, updated_at = now())',
    );
  }
  lines.push(
    `SELECT counted.n AS rows, bound.full, ${asText('bound.')
      .map((k, i) => `${k} AS k${i}`)
      .join(', ')} FROM counted LEFT JOIN bound ON true`,
  );
  return { text: lines.join('\n'), params };
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

/**
 * Adds a value and answers how the SQL refers to it (`$3`, or a typed variable in the batch
 * function). `cast` is the type a literal inside a function call needs; `column` says the value
 * is compared with or assigned to that column (`array`: as an `= ANY(…)` list of its values).
 */
export type Param = (value: unknown, cast?: string, column?: { readonly name: string; readonly array?: boolean }) => string;

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

/** The rows a batch may take: `where`, and after `after` in key order (columns of `prefix`, e.g. the UPDATE's `t.`). */
function batchConditions(update: ResolvedUpdate, after: readonly unknown[] | undefined, param: Param, prefix = ''): string[] {
  const conditions = update.where.map((c) => condition(c, param, prefix));
  const key = update.key.map((k) => `${prefix}${quoteIdent(k, 'column')}`);
  if (after) conditions.push(`(${key.join(', ')}) > (${after.map((v) => param(v)).join(', ')})`);
  return conditions;
}

/**
 * The UPDATE's SET list, on the row aliased `t`.
 * @example setList(update, param) // ['"full_name" = concat(t."first_name", $1::text, t."last_name")']
 */
export function setList(update: ResolvedUpdate, param: Param): string[] {
  return update.set.map((s) => `${quoteIdent(s.column, 'column')} = ${expression(s.value, param, 't.', false, s.column)}`);
}

function expression(e: ResolvedExpression, param: Param, prefix: string, nested = false, column?: string): string {
  switch (e.kind) {
    case 'column':
      return `${prefix}${quoteIdent(e.name, 'column')}`;
    case 'literal':
      // Inside a function PostgreSQL cannot infer a parameter's type: give it one.
      return nested ? param(e.value, castOf(e.value)) : param(e.value, undefined, column === undefined ? undefined : { name: column });
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

/**
 * One `where` condition on the column (of the row `prefix`, e.g. `t.`), its value a Param.
 * @example condition({ column: 'age', op: 'gt', value: 18 }, param, 't.') // 't."age" > $1'
 */
export function condition(c: ResolvedCondition, param: Param, prefix = ''): string {
  const col = `${prefix}${quoteIdent(c.column, 'column')}`;
  const of = { name: c.column };
  switch (c.op) {
    case 'isNull':
      return `${col} IS NULL`;
    case 'ne':
      // Unlike `<>`, IS DISTINCT FROM also matches rows whose value is NULL.
      return c.value === null ? `${col} IS NOT NULL` : `${col} IS DISTINCT FROM ${param(c.value, undefined, of)}`;
    case 'in':
      return `${col} = ANY(${param(c.value, undefined, { ...of, array: true })})`;
    case 'eq':
      return `${col} = ${param(c.value, undefined, of)}`;
    case 'gt':
      return `${col} > ${param(c.value, undefined, of)}`;
    case 'gte':
      return `${col} >= ${param(c.value, undefined, of)}`;
    case 'lt':
      return `${col} < ${param(c.value, undefined, of)}`;
    case 'lte':
      return `${col} <= ${param(c.value, undefined, of)}`;
    default:
      return assertNever(c.op);
  }
}
