import { isFieldType, type FieldOptions, type FieldType } from '@ductape/core';
import { ARRAY_COMMENT_PREFIX } from '../compile/column-definition.js';
import { DEFAULT_FSP } from '../compile/column-type.js';
import { unquoteLiteral } from '../quote.js';

/** What parseColumnType reads: information_schema.COLUMNS of one column. */
export interface ColumnTypeInfo {
  /** COLUMN_TYPE, e.g. `varchar(100)`, `enum('a','b')`, `tinyint(1)`, `uuid`. */
  readonly columnType: string;
  readonly comment: string;
  /** MariaDB: the column carries the `json_valid` check that its JSON alias adds. */
  readonly jsonChecked: boolean;
}

type TypeOptions = Pick<FieldOptions, 'type' | 'length' | 'precision' | 'scale' | 'enumValues' | 'itemType'>;

/**
 * The portable type of a column, the inverse of columnType: `char(36)` and `uuid` are uuid,
 * `tinyint(1)` is boolean, a JSON column (or MariaDB's checked LONGTEXT) is json, or an array
 * when its comment keeps an item type. Types with no portable equivalent map to the nearest one.
 * @example parseColumnType({ columnType: 'decimal(10,2)', comment: '', jsonChecked: false }) // { type: 'decimal', precision: 10, scale: 2 }
 */
export function parseColumnType(info: ColumnTypeInfo): TypeOptions {
  const t = info.columnType.trim();
  const lower = t.toLowerCase();
  const base = /^([a-z]+)/.exec(lower)?.[1] ?? lower;
  const args = /^[a-z]+\(([^)]*)\)/.exec(lower)?.[1]?.split(',').map((x) => Number(x.trim())) ?? [];
  const isJson = base === 'json' || (info.jsonChecked && /text$/.test(base));
  if (isJson) return info.comment.startsWith(ARRAY_COMMENT_PREFIX) ? { type: 'array', itemType: itemTypeOf(info.comment) } : { type: 'json' };
  switch (base) {
    case 'tinyint':
      return lower.startsWith('tinyint(1)') ? { type: 'boolean' } : { type: 'smallint' };
    case 'bool':
    case 'boolean':
      return { type: 'boolean' };
    case 'smallint':
    case 'year':
      return { type: 'smallint' };
    case 'mediumint':
    case 'int':
    case 'integer':
      return { type: 'integer' };
    case 'bigint':
      return { type: 'bigint' };
    case 'float':
      return { type: 'float' };
    case 'double':
    case 'real':
      return { type: 'double' };
    case 'decimal':
    case 'numeric': {
      const [precision = 10, scale = 0] = args;
      return scale > 0 ? { type: 'decimal', precision, scale } : { type: 'decimal', precision };
    }
    case 'char':
      return args[0] === 36 ? { type: 'uuid' } : { type: 'string', length: args[0] ?? 1 };
    case 'uuid':
      return { type: 'uuid' };
    case 'varchar':
      return { type: 'string', length: args[0] ?? 255 };
    case 'tinytext':
    case 'text':
    case 'mediumtext':
    case 'longtext':
      return { type: 'text' };
    case 'enum':
      return { type: 'enum', enumValues: parseEnumValues(t) };
    case 'date':
      return { type: 'date' };
    case 'time':
    case 'datetime':
    case 'timestamp':
      return withFsp(base, args[0] ?? 0);
    case 'binary':
    case 'varbinary':
      return { type: 'binary', length: args[0] ?? 255 };
    case 'bit':
      return { type: 'binary', length: 8 };
    default:
      // tinyblob/blob/mediumblob/longblob, geometry and anything else binary-like.
      return base.endsWith('blob') || base === 'geometry' ? { type: 'blob' } : { type: 'text' };
  }
}

/**
 * The values of `enum('a','b''c')` as the server prints it.
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

function withFsp(base: string, digits: number): TypeOptions {
  const type = base as FieldType;
  // precision 0 is not a portable value: such a column reads back with the default precision.
  return digits === DEFAULT_FSP || digits === 0 ? { type } : { type, precision: digits };
}

function itemTypeOf(comment: string): FieldType {
  const item = comment.slice(ARRAY_COMMENT_PREFIX.length).replace(/>.*$/, '');
  return isFieldType(item) ? item : 'string';
}
