import { applyChanges, type CompileContext, type FieldDefinition, type Operation } from '@ductape/core';
import type { MysqlDialect } from '../dialect.js';
import { columnType, DEFAULT_LENGTH } from './column-type.js';
import { bytesPerChar, type KeyColumn } from './index-key-length.js';

/** Fixed key sizes in bytes (upper bounds) of the types that take no prefix. */
const FIXED: { readonly [type: string]: number } = {
  integer: 4, bigint: 8, smallint: 2, float: 4, double: 8, boolean: 1, date: 3, time: 6, datetime: 8, timestamp: 7, enum: 2,
};

/**
 * How a field takes part in an index key, from its definition.
 * @example keyColumnOfField({ name: 'body', type: 'text' }, MYSQL_DIALECT, 4) // { kind: 'text', bytesPerChar: 4, sqlType: 'TEXT' }
 */
export function keyColumnOfField(field: FieldDefinition, dialect: MysqlDialect, charBytes: number): KeyColumn | undefined {
  let sqlType: string;
  try {
    sqlType = columnType(field, dialect);
  } catch {
    return undefined; // a type this compiler does not write: the executor checks the real column
  }
  switch (field.type) {
    case 'string':
      return { kind: 'string', size: field.length ?? DEFAULT_LENGTH, bytesPerChar: charBytes, sqlType };
    case 'uuid':
      return dialect.nativeUuid ? { kind: 'fixed', size: 16, sqlType } : { kind: 'string', size: 36, bytesPerChar: charBytes, sqlType };
    case 'binary':
      return { kind: 'binary', size: field.length ?? DEFAULT_LENGTH, sqlType };
    case 'text':
      return { kind: 'text', bytesPerChar: charBytes, sqlType };
    case 'blob':
      return { kind: 'blob', sqlType };
    case 'json':
    case 'array':
      // MariaDB's JSON is LONGTEXT (utf8mb4_bin); MySQL's cannot be indexed.
      return dialect.flavor === 'mariadb' ? { kind: 'text', bytesPerChar: 4, sqlType: 'JSON (LONGTEXT)' } : { kind: 'json', sqlType };
    case 'decimal':
      return { kind: 'fixed', size: Math.ceil((field.precision ?? 10) / 9) * 4 + 4, sqlType };
    default: {
      const size = FIXED[field.type];
      return size === undefined ? undefined : { kind: 'fixed', size, sqlType };
    }
  }
}

/**
 * The columns of `table` this migration defines before the op at `ctx.index` (a createCollection,
 * addField, modifyField with its previous, renames and drops), as key columns, and nothing for a
 * table it does not create. Pure: what the database holds is checked when the step runs.
 * @example knownKeyColumns(ctx, op, 'posts', MYSQL_DIALECT).get('body') // { kind: 'text', … }
 */
export function knownKeyColumns(ctx: CompileContext, op: Operation, table: string, dialect: MysqlDialect): Map<string, KeyColumn> {
  const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
  const fields = new Map<string, FieldDefinition>();
  let charset: string | undefined;
  if (ops[ctx.index] === op) {
    for (const earlier of ops.slice(0, ctx.index)) {
      switch (earlier.type) {
        case 'createCollection':
          if (earlier.name !== table) break;
          fields.clear();
          for (const f of earlier.fields) fields.set(f.name, f);
          charset = earlier.options?.sqlOptions?.charset;
          break;
        case 'dropCollection':
          if (earlier.name === table) fields.clear();
          break;
        case 'addField':
          if (earlier.collection === table) fields.set(earlier.field.name, earlier.field);
          break;
        case 'dropField':
          if (earlier.collection === table) fields.delete(earlier.field);
          break;
        case 'renameField': {
          const f = earlier.collection === table ? (fields.get(earlier.from) ?? earlier.previous) : undefined;
          fields.delete(earlier.from);
          if (f) fields.set(earlier.to, { ...f, name: earlier.to });
          break;
        }
        case 'modifyField': {
          const base = earlier.collection === table ? (earlier.previous ?? fields.get(earlier.field)) : undefined;
          if (base) fields.set(earlier.field, applyChanges({ ...base, name: earlier.field }, earlier.changes));
          break;
        }
        default:
          break;
      }
    }
  }
  return keyColumnsOf([...fields.values()], dialect, charset);
}

/**
 * Key columns of a list of fields (a createCollection's own).
 * @example keyColumnsOf([{ name: 'body', type: 'text' }], MYSQL_DIALECT, undefined).get('body')?.kind // 'text'
 */
export function keyColumnsOf(fields: readonly FieldDefinition[], dialect: MysqlDialect, charset: string | undefined): Map<string, KeyColumn> {
  const out = new Map<string, KeyColumn>();
  const bpc = bytesPerChar(charset);
  for (const f of fields) {
    const c = keyColumnOfField(f, dialect, bpc);
    if (c) out.set(f.name, c);
  }
  return out;
}
