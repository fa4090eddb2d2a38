import { type FieldDefinition, ValidationError } from '@ductape/core';
import { quoteIdent } from '../quote.js';
import type { Param } from './sql-expression.js';

/**
 * How a primary-key column's values travel between batches (and through the progress row, as
 * JSON) without changing: integers and decimals as exact text (a BIGINT beyond 2^53 too; a
 * decimal bound back as the column's own DECIMAL(p,s), so no fractional digit is cut), binary as
 * hex, FLOAT and DOUBLE read and bound as doubles (a FLOAT's own text is its shortest single-
 * precision form, which as a double is another value), the rest (text, dates and times as the
 * drivers' strings with every fractional digit, UUIDs) as read.
 */
export type KeyForm = 'integer' | 'decimal' | 'float' | 'binary' | 'plain';

export interface KeyColumn {
  readonly name: string;
  readonly quoted: string;
  readonly form: KeyForm;
  /** A decimal column's own type (`DECIMAL(40,38)`), the exact type its key values are bound as. */
  readonly decimal?: string;
}

const INTEGER = /^(tiny|small|medium|big)?int(eger)?\b/i;
const FLOAT = /^(float|double|real)\b/i;
const DECIMAL = /^(?:decimal|numeric|dec|fixed)\s*(?:\((\d+)(?:\s*,\s*(\d+))?\))?/i;
const BINARY = /^(var)?binary\b|^(tiny|medium|long)?blob\b/i;
/** Types whose comparison with a value does not follow their index order (ENUM and SET sort by ordinal). */
const UNORDERED = /^(enum|set|bit)\b/i;

/**
 * The key columns of `key` with their forms; a key column whose order the batches cannot follow
 * (ENUM, SET, BIT) is refused before any IO.
 * @example keyColumns(['id'], fields) // [{ name: 'id', quoted: '`id`', form: 'integer' }]
 */
export function keyColumns(table: string, key: readonly string[], fields: ReadonlyMap<string, FieldDefinition>): KeyColumn[] {
  return key.map((name) => {
    const field = fields.get(name);
    const type = String(field?.type);
    const native = field?.type === 'native' ? String(field.native ?? '') : '';
    if (type === 'enum' || UNORDERED.test(native)) {
      throw new ValidationError(`update of "${table}"`, [
        {
          code: 'unsupported_key',
          path: name,
          message: `primary key column "${name}" is ${type === 'enum' ? 'an enum' : native}, whose values do not compare in index order, so batches cannot walk it: run the update with raw SQL, or give the table an integer or text key`,
        },
      ]);
    }
    const form: KeyForm =
      ['integer', 'bigint', 'smallint', 'boolean'].includes(type) || INTEGER.test(native)
        ? 'integer'
        : type === 'decimal' || DECIMAL.test(native)
          ? 'decimal'
          : type === 'float' || type === 'double' || FLOAT.test(native)
            ? 'float'
            : type === 'binary' || type === 'blob' || BINARY.test(native)
              ? 'binary'
              : 'plain';
    const column = { name, quoted: quoteIdent(name, 'column'), form };
    return form === 'decimal' ? { ...column, decimal: decimalType(field) } : column;
  });
}

/** The column's DECIMAL(p,s): MySQL's default precision 10 and scale 0 where the type leaves them out. */
function decimalType(field: FieldDefinition | undefined): string {
  const m = field?.type === 'native' ? DECIMAL.exec(String(field.native ?? '')) : undefined;
  const precision = m ? Number(m[1] ?? 10) : (field?.precision ?? 10);
  const scale = m ? Number(m[2] ?? 0) : (field?.scale ?? 0);
  return `DECIMAL(${precision},${scale})`;
}

/**
 * How a key column is read so its value round-trips.
 * @example keySelect({ name: 'id', quoted: '`id`', form: 'integer' }) // 'CAST(`id` AS CHAR)'
 */
export function keySelect(k: KeyColumn): string {
  if (k.form === 'integer' || k.form === 'decimal') return `CAST(${k.quoted} AS CHAR)`;
  if (k.form === 'float') return `(${k.quoted} + 0e0)`;
  return k.form === 'binary' ? `HEX(${k.quoted})` : k.quoted;
}

function bind(k: KeyColumn, value: unknown, param: Param): string {
  switch (k.form) {
    case 'integer':
      return param(BigInt(String(value)));
    case 'decimal':
      return `CAST(${param(String(value))} AS ${k.decimal ?? 'DECIMAL(65,30)'})`;
    case 'float':
      return `(${param(Number(value))} + 0e0)`;
    case 'binary':
      return `UNHEX(${param(String(value))})`;
    default:
      return param(value);
  }
}

/**
 * `(k1, k2, …) > (v1, v2, …)`, written so the server range-scans the primary key (it does not for
 * a row comparison): `k1 >= v1 AND (k1 > v1 OR (k1 = v1 AND k2 > v2))`.
 * @example keyAfter([a, b], [1, 'x'], param) // '`a` >= ? AND (`a` > ? OR (`a` = ? AND `b` > ?))'
 */
export function keyAfter(key: readonly KeyColumn[], values: readonly unknown[], param: Param): string {
  return walk(key, values, param, '>');
}

/**
 * `(k1, k2, …) <= (v1, v2, …)`, range-scannable as keyAfter.
 * @example keyUpTo([a], [9], param) // '`a` <= ?'
 */
export function keyUpTo(key: readonly KeyColumn[], values: readonly unknown[], param: Param): string {
  return walk(key, values, param, '<');
}

function walk(key: readonly KeyColumn[], values: readonly unknown[], param: Param, dir: '>' | '<'): string {
  const v = (i: number) => bind(key[i] as KeyColumn, values[i], param);
  const q = (i: number) => (key[i] as KeyColumn).quoted;
  const last = key.length - 1;
  const inner = (i: number): string => (i === last ? `${q(i)} ${dir === '>' ? '>' : '<='} ${v(i)}` : `(${q(i)} ${dir} ${v(i)} OR (${q(i)} = ${v(i)} AND ${inner(i + 1)}))`);
  return last === 0 ? inner(0) : `${q(0)} ${dir}= ${v(0)} AND ${inner(0)}`;
}
