import { isFieldType, type FieldOptions, type FieldType, type TextSize } from '@ductape/core';
import { ARRAY_COMMENT_PREFIX } from '../compile/column-definition.js';
import { DEFAULT_FSP } from '../compile/column-type.js';
import { unquoteLiteral } from '../quote.js';

/** What parseColumnType reads: information_schema.COLUMNS of one column. */
export interface ColumnTypeInfo {
  /** COLUMN_TYPE, e.g. `varchar(100)`, `enum('a','b')`, `tinyint(1)`, `uuid`. */
  readonly columnType: string;
  readonly comment: string;
  /** MariaDB: the column carries the `json_valid` check that its JSON alias adds (and utf8mb4_bin). */
  readonly jsonChecked: boolean;
  /** The dialect compiles uuid as MariaDB's UUID type (10.7+), so `char(36)` is not a uuid. Default false. */
  readonly nativeUuid?: boolean;
}

/** A field's type options: a portable type with its parameters, or `{ type: 'native', native }`. */
export type TypeOptions = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'enumValues' | 'itemType' | 'native' | 'size' | 'unsigned'>;

/** Exact spellings (MySQL 8 and MariaDB) of what the compiler writes for a portable type. */
const EXACT: { readonly [columnType: string]: FieldType } = {
  'tinyint(1)': 'boolean',
  float: 'float',
  double: 'double',
  date: 'date',
};

/** Integer types; MySQL 8.0.19+ prints no display width, MariaDB and older MySQL the default one (signed, unsigned). */
const INTEGERS: { readonly [name: string]: readonly [FieldType, string, string] } = {
  int: ['integer', '11', '10'],
  bigint: ['bigint', '20', '20'],
  smallint: ['smallint', '6', '5'],
};

const SIZES: { readonly [prefix: string]: TextSize } = { tiny: 'tiny', '': 'regular', medium: 'medium', long: 'long' };

/**
 * The type of a column, the inverse of columnType: a portable type only where compiling it gives
 * this very column type (`int(11)` and `int` are integer, `tinyint(1)` boolean, `varchar(n)`
 * string, `datetime(6)` datetime with precision 6, `char(36)` uuid where uuid is CHAR(36), a JSON
 * column or MariaDB's checked LONGTEXT json, or an array when its comment keeps an item type,
 * `mediumtext` text with size 'medium' and `text` size 'regular', `int(10) unsigned` an unsigned
 * integer, `datetime` a datetime with precision 0). Anything else is native with the server's own
 * text, so recreating it gives the same column: `tinyint(4)`, `int(5) unsigned`, `int zerofill`,
 * `year(4)`, `set('a','b')`, `bit(1)`, `char(10)`, `float(7,3)`, `point`, …
 * @example parseColumnType({ columnType: 'decimal(10,2)', comment: '', jsonChecked: false }) // { type: 'decimal', precision: 10, scale: 2 }
 * @example parseColumnType({ columnType: 'mediumtext', comment: '', jsonChecked: false }) // { type: 'text', size: 'medium' }
 * @example parseColumnType({ columnType: 'int(10) unsigned', comment: '', jsonChecked: false }) // { type: 'integer', unsigned: true }
 */
export function parseColumnType(info: ColumnTypeInfo): TypeOptions {
  const t = info.columnType.trim();
  const lower = t.toLowerCase();
  if (lower === 'json' || (info.jsonChecked && lower === 'longtext')) {
    return info.comment.startsWith(ARRAY_COMMENT_PREFIX) ? { type: 'array', itemType: itemTypeOf(info.comment) } : { type: 'json' };
  }
  const exact = EXACT[lower];
  if (exact) return { type: exact };
  let m = /^(tiny|medium|long|)(text|blob)$/.exec(lower);
  if (m) return { type: m[2] as FieldType, size: SIZES[m[1] as string] as TextSize };
  if ((m = /^(int|bigint|smallint)(?:\((\d+)\))?( unsigned)?$/.exec(lower))) {
    const [type, signedWidth, unsignedWidth] = INTEGERS[m[1] as string] as readonly [FieldType, string, string];
    const unsigned = m[3] !== undefined;
    if (m[2] === undefined || m[2] === (unsigned ? unsignedWidth : signedWidth)) return unsigned ? { type, unsigned: true } : { type };
  }
  if (lower === 'uuid' && info.nativeUuid) return { type: 'uuid' };
  if (lower === 'char(36)' && !info.nativeUuid) return { type: 'uuid' };
  m = /^decimal\((\d+),(\d+)\)$/.exec(lower);
  if (m) return Number(m[2]) > 0 ? { type: 'decimal', precision: Number(m[1]), scale: Number(m[2]) } : { type: 'decimal', precision: Number(m[1]) };
  if ((m = /^varchar\((\d+)\)$/.exec(lower))) return { type: 'string', length: Number(m[1]) };
  if ((m = /^varbinary\((\d+)\)$/.exec(lower))) return { type: 'binary', length: Number(m[1]) };
  if ((m = /^(time|datetime|timestamp)(?:\(([0-6])\))?$/.exec(lower))) {
    const digits = Number(m[2] ?? 0);
    return digits === DEFAULT_FSP ? { type: m[1] as FieldType } : { type: m[1] as FieldType, precision: digits };
  }
  if (/^enum\(.*\)$/s.test(lower)) {
    const values = parseEnumValues(t);
    if (values.length > 0) return { type: 'enum', enumValues: values };
  }
  return { type: 'native', native: t };
}

/**
 * The values of `enum('a','b''c')` (or `set(…)`) as the server prints it.
 * @example parseEnumValues("enum('a','b''c')") // ['a', "b'c"]
 */
export function parseEnumValues(columnType: string): string[] {
  const values: string[] = [];
  let i = columnType.indexOf('(') + 1;
  while (i > 0 && i < columnType.length && columnType[i] === "'") {
    const { value, end } = unquoteLiteral(columnType, i);
    values.push(value);
    i = columnType[end] === ',' ? end + 1 : end;
  }
  return values;
}

function itemTypeOf(comment: string): FieldType {
  const item = comment.slice(ARRAY_COMMENT_PREFIX.length).replace(/>.*$/, '');
  return isFieldType(item) ? item : 'string';
}
