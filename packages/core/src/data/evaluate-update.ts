import type { FieldDefinition } from '../model/field.js';
import { assertNever } from '../model/operation.js';
import { rowMatches } from './match-where.js';
import type { ResolvedExpression } from './resolve-expression.js';
import type { ResolvedCondition } from './resolve-update.js';
import { RowEvaluationError } from './row-evaluation-error.js';
import { isSqlNull, numeric, sqlText } from './sql-values.js';

/** A plain row: column → value. A missing key, undefined and null are all NULL. */
export type PlainRow = { readonly [column: string]: unknown };

/** What the evaluator reads of an update (a ResolvedUpdate fits). */
export interface EvaluatedUpdate {
  readonly set: readonly { readonly column: string; readonly value: ResolvedExpression }[];
  readonly where: readonly ResolvedCondition[];
}

/** One update compiled for plain rows: does a row match, and what it becomes. */
export interface UpdateEvaluator {
  /** Whether the row matches `where` (see rowMatches). */
  matches(row: PlainRow): boolean;
  /** The new value of every column in `set`, computed from the row as it was read. */
  values(row: PlainRow): { [column: string]: unknown };
}

const INTEGER_TYPES = new Set(['integer', 'bigint', 'smallint']);
const RANGE: { readonly [type: string]: readonly [bigint, bigint] } = {
  smallint: [-32_768n, 32_767n],
  integer: [-2_147_483_648n, 2_147_483_647n],
  bigint: [-(2n ** 63n), 2n ** 63n - 1n],
};

/**
 * The one client-side evaluator of `db.update` (DynamoDB, Cassandra, and MongoDB servers without
 * pipeline updates), with PostgreSQL's semantics for the same data: see core's README,
 * "db.update semantics". `fields` (the introspected table) tells integer columns apart, so
 * integer ÷ integer truncates and a value stored in an integer column is rounded and range-checked
 * as PostgreSQL does; without it every number is treated as double precision.
 * @example
 * const ev = updateEvaluator(resolved, snapshot.fields);
 * if (ev.matches(row)) write(key, ev.values(row)); // { full_name: 'Ada Lovelace' }
 */
export function updateEvaluator(update: EvaluatedUpdate, fields: readonly Pick<FieldDefinition, 'name' | 'type'>[] = []): UpdateEvaluator {
  const types = new Map(fields.map((f) => [f.name, String(f.type)]));
  return {
    matches: (row) => rowMatches(update.where, row),
    values: (row) => {
      const out: { [column: string]: unknown } = {};
      for (const s of update.set) out[s.column] = assign(evaluateExpression(s.value, row, types), types.get(s.column), s.column);
      return out;
    },
  };
}

/**
 * One value expression computed for one row (see updateEvaluator for the rules). `types` maps a
 * column to its portable type (`integer`, `double`, …).
 * @example evaluateExpression({ kind: 'call', op: '$UPPER', args: [{ kind: 'column', name: 'n' }] }, { n: 'ada' }) // 'ADA'
 */
export function evaluateExpression(e: ResolvedExpression, row: PlainRow, types: ReadonlyMap<string, string> = new Map()): unknown {
  switch (e.kind) {
    case 'column':
      return row[e.name] ?? null;
    case 'literal':
      return e.value;
    case 'call': {
      const a = e.args.map((x) => evaluateExpression(x, row, types));
      switch (e.op) {
        case '$CONCAT':
          return a.map((v) => (isSqlNull(v) ? '' : sqlText(v))).join('');
        case '$COALESCE':
          return a.find((v) => !isSqlNull(v)) ?? null;
        case '$LOWER':
          return isSqlNull(a[0]) ? null : sqlText(a[0], true).toLowerCase();
        case '$UPPER':
          return isSqlNull(a[0]) ? null : sqlText(a[0], true).toUpperCase();
        case '$ADD':
        case '$SUB':
        case '$MUL':
        case '$DIV':
          return arithmetic(e.op, a[0], a[1], isInteger(e.args[0], types) && isInteger(e.args[1], types));
        default:
          return assertNever(e.op);
      }
    }
    default:
      return assertNever(e);
  }
}

/** Whether an expression has an integer type in PostgreSQL (integer columns, whole literals). */
function isInteger(e: ResolvedExpression | undefined, types: ReadonlyMap<string, string>): boolean {
  if (!e) return false;
  if (e.kind === 'column') return INTEGER_TYPES.has(types.get(e.name) ?? '');
  if (e.kind === 'literal') return e.value === null || (typeof e.value === 'number' && Number.isInteger(e.value));
  if (e.op === '$COALESCE') return e.args.every((x) => isInteger(x, types));
  return ['$ADD', '$SUB', '$MUL', '$DIV'].includes(e.op) && e.args.every((x) => isInteger(x, types));
}

function arithmetic(op: '$ADD' | '$SUB' | '$MUL' | '$DIV', x: unknown, y: unknown, integer: boolean): number | bigint | null {
  if (isSqlNull(x) || isSqlNull(y)) return null;
  const p = numeric(x);
  const q = numeric(y);
  if (p === undefined || q === undefined) throw new TypeError(`${op} works on numbers, got ${typeof x} and ${typeof y}`);
  if (op === '$DIV' && Number(q) === 0) throw new RowEvaluationError('22012', `division by zero in ${op}`);
  const whole = (n: number | bigint) => typeof n === 'bigint' || Number.isInteger(n);
  if (integer && whole(p) && whole(q)) {
    const [i, j] = [BigInt(p), BigInt(q)];
    const r = op === '$ADD' ? i + j : op === '$SUB' ? i - j : op === '$MUL' ? i * j : i / j; // BigInt division truncates toward zero, as PostgreSQL's
    const n = Number(r);
    return Number.isSafeInteger(n) ? n : r;
  }
  const [u, v] = [Number(p), Number(q)];
  return op === '$ADD' ? u + v : op === '$SUB' ? u - v : op === '$MUL' ? u * v : u / v;
}

/** A computed value stored in an integer column: rounded half to even (PostgreSQL's float → int) and range-checked. */
function assign(v: unknown, type: string | undefined, column: string): unknown {
  const range = type === undefined ? undefined : RANGE[type];
  if (!range || (typeof v !== 'number' && typeof v !== 'bigint')) return v;
  const r = typeof v === 'bigint' ? v : Number.isFinite(v) ? BigInt(roundHalfEven(v)) : undefined;
  if (r === undefined || r < range[0] || r > range[1]) throw new RowEvaluationError('22003', `${String(v)} is out of the range of ${type} column "${column}"`);
  const n = Number(r);
  return Number.isSafeInteger(n) ? n : r;
}

function roundHalfEven(v: number): number {
  const f = Math.floor(v);
  const d = v - f;
  return d > 0.5 || (d === 0.5 && f % 2 !== 0) ? f + 1 : f;
}
