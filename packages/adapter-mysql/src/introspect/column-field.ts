import { type DefaultValue, type FieldDefinition, nativeTypeProblem } from '@ductape/core';
import { NOT_KEPT, parseNativeType } from '../compile/native-type.js';
import type { Row } from '../mysql-driver.js';
import { quoteLiteral } from '../quote.js';
import { parseDefault } from './parse-default.js';
import { parseColumnType, type TypeOptions } from './parse-type.js';
import { columnLine, defaultLiteral, enumValuesOf } from './show-create.js';

/** What the table tells about a column beyond its own information_schema.COLUMNS row. */
export interface ColumnContext {
  readonly mariadb: boolean;
  /** The dialect compiles uuid as MariaDB's UUID type. */
  readonly nativeUuid: boolean;
  /** The table's default collation: a column with another one keeps it in a native type. */
  readonly tableCollation: string | undefined;
  /** The column carries MariaDB's `json_valid` check (its JSON alias). */
  readonly jsonChecked: boolean;
  /** SHOW CREATE TABLE, read when information_schema (utf8mb3) printed `?` for a character. */
  readonly create: string;
  readonly unique: ReadonlySet<string>;
  readonly primary: ReadonlySet<string>;
}

// What core refuses in a native type (see validateField): such text is not kept.
const INTEGER = new Set(['integer', 'bigint', 'smallint']);

/**
 * One column as a field, exactly: a portable type when compiling it gives the same column, else
 * `{ type: 'native', native }` with the server's type text and what the model has no option for,
 * in the order a column definition takes them: a collation other than the table's
 * (`CHARACTER SET … COLLATE …`), a generated column (`GENERATED ALWAYS AS (<expression>) VIRTUAL`),
 * a default expression, `ON UPDATE …`, `AUTO_INCREMENT` (of a type that is not a portable
 * integer), `INVISIBLE`, `COMMENT '…'`. Text a native type cannot carry (a `;`, backslash, comment
 * marker, control character) is written as `<not kept>`, which is refused wherever it would be
 * written (see ColumnNotRecreatableError). Literal defaults stay in `default`.
 * @example fieldOfColumn({ name: 'body', column_type: 'mediumtext', nullable: 'YES', dflt: 'NULL', extra: '', comment: '' }, ctx) // { name: 'body', type: 'native', native: 'mediumtext' }
 */
export function fieldOfColumn(c: Row, ctx: ColumnContext): FieldDefinition {
  const name = String(c.name);
  const columnType = String(c.column_type);
  const extra = String(c.extra ?? '');
  const comment = String(c.comment ?? '');
  const line = ctx.create ? columnLine(ctx.create, name) : undefined;
  let type: TypeOptions = parseColumnType({ columnType, comment, jsonChecked: ctx.jsonChecked, nativeUuid: ctx.nativeUuid });
  if (type.type === 'enum' && line) type = { ...type, enumValues: enumValuesOf(line, name) ?? type.enumValues };
  const rawDefault = line && String(c.dflt ?? '').includes('?') ? (defaultLiteral(line) ?? (c.dflt as string | null)) : (c.dflt as string | null);
  const dflt = parseDefault({ raw: rawDefault, extra, mariadb: ctx.mariadb }, { columnType: columnType.toLowerCase(), type: type.type });
  const json = type.type === 'json' || type.type === 'array';
  const autoIncrement = /auto_increment/i.test(extra);
  const collation = c.collation ? String(c.collation) : undefined;
  const clauses: string[] = [];
  if (!json && collation && collation !== ctx.tableCollation) clauses.push(`CHARACTER SET ${String(c.charset)} COLLATE ${collation}`);
  const generated = /\b(VIRTUAL|STORED|PERSISTENT)\s+GENERATED\b/i.exec(extra)?.[1];
  if (generated) {
    const kind = generated.toUpperCase() === 'PERSISTENT' ? 'STORED' : generated.toUpperCase();
    const expression = String(c.generation ?? '')
      .trim()
      .replace(/^\((.*)\)$/s, '$1');
    clauses.push(`GENERATED ALWAYS AS (${keepable(`GENERATED ALWAYS AS (${expression})`) ? expression : NOT_KEPT}) ${kind}`);
  }
  if (dflt.kind === 'expression') clauses.push(`DEFAULT ${keepable(`DEFAULT ${dflt.sql}`) ? dflt.sql : NOT_KEPT}`);
  const onUpdate = /\bon update (current_timestamp(?:\(\d*\))?)/i.exec(extra)?.[1];
  if (onUpdate) clauses.push(`ON UPDATE ${onUpdate}`);
  if (autoIncrement && !INTEGER.has(type.type)) clauses.push('AUTO_INCREMENT');
  if (/\bINVISIBLE\b/i.test(extra)) clauses.push('INVISIBLE');
  if (comment !== '' && type.type !== 'array') clauses.push(`COMMENT ${keepable(`COMMENT ${quoteLiteral(comment)}`) ? quoteLiteral(comment) : NOT_KEPT}`);
  const value = dflt.kind === 'value' ? dflt.value : undefined;
  const portable = type.type !== 'native' && clauses.length === 0 && (value === undefined || fits(value, type.type));
  const field: Record<string, unknown> = { name };
  if (portable) Object.assign(field, type);
  else {
    const full = [nativeTypeText(type, columnType, ctx.mariadb), ...clauses].join(' ');
    const text = full.length <= 500 ? full : `${/^[a-z]+/i.exec(columnType)?.[0] ?? 'type'}(${NOT_KEPT})`; // core's limit
    Object.assign(field, { type: 'native', native: text });
    if (type.type === 'array') field.native = `${text} COMMENT ${quoteLiteral(comment)}`;
  }
  if (ctx.primary.has(name)) field.primaryKey = true;
  else if (String(c.nullable) === 'NO') field.required = true;
  if (value !== undefined) field.default = portable ? value : nativeValue(value);
  if (autoIncrement && portable) field.autoIncrement = true;
  if (ctx.unique.has(name)) field.unique = true;
  return field as unknown as FieldDefinition;
}

/** The type text of a column that is native: MariaDB's JSON alias as `json`, values core refuses as `<not kept>`. */
function nativeTypeText(type: TypeOptions, columnType: string, mariadb: boolean): string {
  if ((type.type === 'json' || type.type === 'array') && mariadb) return 'json';
  // A `?` is information_schema (utf8mb3) standing in for a character it cannot hold.
  return !columnType.includes('?') && keepable(columnType, '') ? columnType : `${/^[a-z]+/i.exec(columnType)?.[0] ?? 'type'}(${NOT_KEPT})`;
}

/** True when `clause` (after a type `int`, or alone with prefix '') is what core and the compiler accept in a native type. */
function keepable(clause: string, prefix = 'int '): boolean {
  if (clause.length > 400 || nativeTypeProblem(`${prefix}${clause}`) !== undefined) return false;
  try {
    return parseNativeType(`${prefix}${clause}`, 'column').notKept === undefined;
  } catch {
    return false;
  }
}

/** True when a portable field of `type` with `value` as default compiles back to the same default. */
function fits(value: DefaultValue, type: string): boolean {
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && '$fn' in value) return true;
  if (type === 'boolean') return typeof value === 'boolean';
  if (type === 'decimal') return typeof value === 'number' || typeof value === 'string';
  if (INTEGER.has(type) || type === 'float' || type === 'double') return typeof value === 'number';
  return true;
}

/** A native column's default: JSON text stays text (a native type has no JSON values). */
function nativeValue(value: DefaultValue): DefaultValue {
  return typeof value === 'object' && value !== null && !('$fn' in value && !Array.isArray(value)) ? JSON.stringify(value) : value;
}
