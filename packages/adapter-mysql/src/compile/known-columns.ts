import { applyChanges, type CompileContext, type FieldDefinition, type Operation } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';
import { columnType, DEFAULT_LENGTH } from './column-type.js';
import { bytesPerChar, type KeyColumn } from './index-key-length.js';
import { keyColumnOfRow } from '../index-key-check.js';

/** Fixed key sizes in bytes (upper bounds) of the types that take no prefix. */
const FIXED: { readonly [type: string]: number } = {
  integer: 4,
  bigint: 8,
  smallint: 2,
  float: 4,
  double: 8,
  boolean: 1,
  date: 3,
  time: 6,
  datetime: 8,
  timestamp: 7,
  enum: 2,
};

/**
 * How a field takes part in an index key, from its definition.
 * @example keyColumnOfField({ name: 'body', type: 'text' }, MYSQL_DIALECT, 4) // { kind: 'text', bytesPerChar: 4, sqlType: 'LONGTEXT' }
 */
export function keyColumnOfField(field: FieldDefinition, dialect: MysqlCompileSettings, charBytes: number): KeyColumn | undefined {
  let sqlType: string;
  try {
    sqlType = columnType(field, dialect);
  } catch {
    return undefined; // a type this compiler does not write: the executor checks the real column
  }
  switch (field.type) {
    case 'native':
      return nativeKeyColumn(sqlType, charBytes);
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
export function knownKeyColumns(ctx: CompileContext, op: Operation, table: string, dialect: MysqlCompileSettings): Map<string, KeyColumn> {
  const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
  const tables = new Map<string, { fields: Map<string, FieldDefinition>; charset: string | undefined }>();
  const of = (name: string) => {
    let t = tables.get(name);
    if (!t) tables.set(name, (t = { fields: new Map(), charset: undefined }));
    return t;
  };
  if (ops[ctx.index] === op) {
    for (const earlier of ops.slice(0, ctx.index)) {
      switch (earlier.type) {
        case 'createCollection':
          tables.set(earlier.name, { fields: new Map(earlier.fields.map((f) => [f.name, f])), charset: earlier.options?.sqlOptions?.charset });
          break;
        case 'dropCollection':
          tables.delete(earlier.name);
          break;
        case 'renameCollection': {
          const moved = tables.get(earlier.from);
          tables.delete(earlier.from);
          if (moved) tables.set(earlier.to, moved);
          else tables.delete(earlier.to);
          break;
        }
        case 'addField':
          of(earlier.collection).fields.set(earlier.field.name, earlier.field);
          break;
        case 'dropField':
          tables.get(earlier.collection)?.fields.delete(earlier.field);
          break;
        case 'renameField': {
          const t = of(earlier.collection);
          const f = t.fields.get(earlier.from) ?? earlier.previous;
          t.fields.delete(earlier.from);
          if (f) t.fields.set(earlier.to, { ...f, name: earlier.to });
          break;
        }
        case 'modifyField': {
          const t = of(earlier.collection);
          const base = earlier.previous ?? t.fields.get(earlier.field);
          if (base) t.fields.set(earlier.field, applyChanges({ ...base, name: earlier.field }, earlier.changes));
          break;
        }
        default:
          break;
      }
    }
  }
  const t = tables.get(table);
  return keyColumnsOf(t ? [...t.fields.values()] : [], dialect, t?.charset);
}

/**
 * Key columns of a list of fields (a createCollection's own).
 * @example keyColumnsOf([{ name: 'body', type: 'text' }], MYSQL_DIALECT, undefined).get('body')?.kind // 'text'
 */
export function keyColumnsOf(fields: readonly FieldDefinition[], dialect: MysqlCompileSettings, charset: string | undefined): Map<string, KeyColumn> {
  const out = new Map<string, KeyColumn>();
  const bpc = bytesPerChar(charset);
  for (const f of fields) {
    const c = keyColumnOfField(f, dialect, bpc);
    if (c) out.set(f.name, c);
  }
  return out;
}

/** How a native column takes part in a key, read from its type text as from information_schema. */
function nativeKeyColumn(sqlType: string, charBytes: number): KeyColumn | undefined {
  const m = /^([A-Za-z]+)(?:\s*\(\s*(\d+)\s*\))?/.exec(sqlType);
  if (!m) return undefined;
  const charset = /\b(?:CHARACTER\s+SET|CHARSET)\s+([A-Za-z0-9_]+)/i.exec(sqlType)?.[1];
  return keyColumnOfRow({ data_type: m[1], column_type: sqlType, max_chars: m[2] === undefined ? null : Number(m[2]), bytes_per_char: charset ? bytesPerChar(charset) : charBytes });
}
