import { REFERENTIAL_ACTIONS } from '../model/constraint.js';
import { FIELD_OPTION_KEYS } from '../model/field.js';
import { INTEGER_TYPES, NUMERIC_TYPES, SIZED_TYPES, STRING_TYPES, TEMPORAL_PRECISION_TYPES, TEXT_SIZES, UNSIGNED_TYPES, ZONED_TYPES, isFieldType } from '../model/field-types.js';
import { identifierProblem } from './identifiers.js';
import { type IssueList, isRecord } from './issue-list.js';

/** Checks one field definition (`withName` when the name is part of it). */
export function validateField(field: unknown, path: string, out: IssueList, withName = true): void {
  if (!isRecord(field)) {
    out.add('invalid_field', path, 'a field must be an object such as { name: "email", type: "string" }');
    return;
  }
  if (withName) out.identifier(`${path}.name`, identifierProblem(field.name));
  for (const key of Object.keys(field)) {
    if (key !== 'name' && !FIELD_OPTION_KEYS.includes(key)) out.add('unknown_option', `${path}.${key}`, `unknown field option "${key}"`);
  }
  validateFieldOptions(field, path, out);
}

/** Checks field options; used for full fields and for modifyField changes (`partial`). */
export function validateFieldOptions(field: Record<string, unknown>, path: string, out: IssueList, partial = false): void {
  const type = field.type;
  if (!(partial && type === undefined) && !isFieldType(type)) {
    out.add(
      'unknown_type',
      `${path}.type`,
      `unknown field type ${JSON.stringify(type)}; use one of integer, bigint, smallint, float, double, decimal, string, text, boolean, date, time, datetime, timestamp, json, uuid, enum, array, binary, blob, PostgreSQL's citext, inet, cidr, macaddr, tsvector, or native with native: '<database type>'`,
    );
  }
  validateNative(field, path, out, partial);
  validateDialectOptions(field, path, out, partial);
  if (field.references !== undefined && field.references !== null) validateReference(field.references, `${path}.references`, out);
  const length = field.length;
  if (length !== undefined && length !== null && !(Number.isInteger(length) && (length as number) > 0)) out.add('invalid_length', `${path}.length`, 'length must be a positive integer');
  validatePrecision(field, path, out, partial);
  const { precision, scale } = field;
  if (scale !== undefined && scale !== null && !(Number.isInteger(scale) && (scale as number) >= 0)) out.add('invalid_scale', `${path}.scale`, 'scale must be an integer ≥ 0');
  if (typeof scale === 'number' && typeof precision === 'number' && precision < scale) out.add('precision_below_scale', `${path}.precision`, `precision (${precision}) must be ≥ scale (${scale})`);
  if (typeof scale === 'number' && precision === undefined && !partial) out.add('scale_without_precision', `${path}.scale`, 'scale needs a precision');
  validateTypeOptions(field, path, out);
  for (const key of ['required', 'nullable', 'unique', 'primaryKey', 'autoIncrement', 'unsigned', 'withTimeZone', 'static'] as const) {
    const v = field[key];
    if (v !== undefined && v !== null && typeof v !== 'boolean') out.add('invalid_flag', `${path}.${key}`, `${key} must be true or false`);
  }
  if (field.static === true && field.primaryKey === true)
    out.add('static_key', `${path}.static`, 'a key column cannot be static: a static column is a regular column shared by the rows of a partition');
  if (field.required === true && field.nullable === true) out.add('conflicting_nullability', `${path}.nullable`, 'a field cannot be both required and nullable');
  if (type === 'enum') validateEnumValues(field.enumValues, `${path}.enumValues`, out);
  else if (field.enumValues !== undefined && field.enumValues !== null && isFieldType(type) && !(type === 'array' && field.itemType === 'enum'))
    out.add('enum_values_on_non_enum', `${path}.enumValues`, `enumValues is only for type "enum", not "${String(type)}"`);
  if (type === 'array' && !isFieldType(field.itemType)) out.add('array_without_item_type', `${path}.itemType`, 'an array needs an itemType, e.g. { type: "array", itemType: "string" }');
  if (field.itemType === 'native') out.add('native_item_type', `${path}.itemType`, 'an array of a native type is itself native: use { type: "native", native: "<type>[]" }');
  if (field.itemType === 'array') out.add('nested_array', `${path}.itemType`, 'arrays of arrays are not portable; use json');
  if (field.autoIncrement === true && isFieldType(type) && !INTEGER_TYPES.has(type)) out.add('auto_increment_type', `${path}.autoIncrement`, `autoIncrement needs an integer type, not "${type}"`);
  if ('default' in field && field.default !== undefined) validateDefault(field, path, out);
}

/**
 * `precision`: 0 to 6 fractional-second digits on time, datetime and timestamp; a positive
 * integer elsewhere (decimal digits). A modifyField change without a type may say 0 (the adapter
 * checks it against the column's type).
 */
function validatePrecision(field: Record<string, unknown>, path: string, out: IssueList, partial: boolean): void {
  const p = field.precision;
  if (p === undefined || p === null) return;
  const type = field.type;
  if (isFieldType(type) && TEMPORAL_PRECISION_TYPES.has(type)) {
    if (!(Number.isInteger(p) && (p as number) >= 0 && (p as number) <= 6))
      out.add('invalid_precision', `${path}.precision`, `precision of a ${type} is its fractional-second digits, an integer from 0 to 6 (got ${JSON.stringify(p)})`);
    return;
  }
  const min = partial && type === undefined ? 0 : 1;
  if (!(Number.isInteger(p) && (p as number) >= min)) out.add('invalid_precision', `${path}.precision`, 'precision must be a positive integer');
}

/** `size` (text, blob), `unsigned` (integers) and `withTimeZone` (datetime, timestamp), each only on its types. */
function validateTypeOptions(field: Record<string, unknown>, path: string, out: IssueList): void {
  const type = field.type;
  const typeKnown = isFieldType(type);
  const onlyOn = (key: 'size' | 'unsigned' | 'withTimeZone', types: ReadonlySet<string>, example: string): void => {
    const v = field[key];
    if (v === undefined || v === null || !typeKnown || types.has(type)) return;
    const hint = type === 'binary' && key === 'size' ? '; binary is VARBINARY(length) on MySQL: for a large binary value use { type: "blob", size: "long" }' : '';
    out.add(`${key === 'withTimeZone' ? 'with_time_zone' : key}_on_wrong_type`, `${path}.${key}`, `${key} is only for ${[...types].join(', ')}, not "${String(type)}", e.g. ${example}${hint}`);
  };
  onlyOn('size', SIZED_TYPES, '{ type: "text", size: "long" }');
  onlyOn('unsigned', UNSIGNED_TYPES, '{ type: "integer", unsigned: true }');
  onlyOn('withTimeZone', ZONED_TYPES, '{ type: "datetime", withTimeZone: true }');
  if (field.unsigned === true && typeof field.default === 'number' && field.default < 0)
    out.add('negative_default_on_unsigned', `${path}.default`, `an unsigned field cannot default to ${field.default}`);
  const size = field.size;
  if (size !== undefined && size !== null && !(TEXT_SIZES as readonly unknown[]).includes(size))
    out.add('invalid_size', `${path}.size`, `size must be one of ${TEXT_SIZES.map((s) => `'${s}'`).join(', ')} (got ${JSON.stringify(size)})`);
}

// Type text as databases spell it, with what a column carries along (collations, generated
// expressions, casts): printable, no statement separator or comment, quotes and parentheses balanced.
const NATIVE_TYPE = /^["A-Za-z][^;\\\u0000-\u001f\u007f]*$/;

/**
 * Why `text` cannot be a native type, or undefined when it can (adapters use it to tell which
 * introspected types they can carry as native).
 * @example nativeTypeProblem('int; DROP TABLE t') // 'must start with a letter … hold no ";" …'
 */
export function nativeTypeProblem(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.length === 0) return 'is missing';
  if (text.length > 500) return 'is longer than 500 characters';
  if (!NATIVE_TYPE.test(text)) return 'must start with a letter or a quoted name and hold no ";", backslash or control character';
  if (/--|\/\*|\*\//.test(text)) return 'must not hold a comment';
  let depth = 0;
  let quote = '';
  for (const ch of text) {
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return 'has an unbalanced ")"';
  }
  if (quote) return `has an unclosed ${quote}`;
  return depth === 0 ? undefined : 'has an unclosed "("';
}

function validateNative(field: Record<string, unknown>, path: string, out: IssueList, partial: boolean): void {
  const native = field.native;
  if (field.type === 'native') {
    const problem = nativeTypeProblem(native);
    if (problem)
      out.add(
        'invalid_native_type',
        `${path}.native`,
        `a native field needs native: the database's type text, e.g. { type: 'native', native: 'tsvector' }; it ${problem} (got ${JSON.stringify(native)})`,
      );
  } else if (native !== undefined && native !== null && !(partial && field.type === undefined)) {
    out.add('native_without_native_type', `${path}.native`, `native is only for type "native", not "${String(field.type)}"`);
  }
}

/** `dialect` (native types only), `enumType` (enums and arrays of enums) and `generatedAs` (a generated column). */
function validateDialectOptions(field: Record<string, unknown>, path: string, out: IssueList, partial: boolean): void {
  const typeGiven = !(partial && field.type === undefined);
  const { dialect, enumType, generatedAs } = field;
  if (dialect !== undefined && dialect !== null) {
    if (typeof dialect !== 'string' || !/^[a-z][a-z0-9_-]*$/.test(dialect))
      out.add('invalid_dialect', `${path}.dialect`, `dialect names a database as raw operations do, e.g. 'postgresql', 'mysql', 'cassandra' (got ${JSON.stringify(dialect)})`);
    else if (typeGiven && field.type !== 'native')
      out.add('dialect_without_native_type', `${path}.dialect`, `dialect is only for type "native" (the database a native type is for), not "${String(field.type)}"`);
  }
  if (enumType !== undefined && enumType !== null) {
    out.identifier(`${path}.enumType`, identifierProblem(enumType));
    if (typeGiven && field.type !== 'enum' && !(field.type === 'array' && field.itemType === 'enum'))
      out.add('enum_type_on_non_enum', `${path}.enumType`, `enumType names the database enum type of an enum (or of an array with itemType 'enum'), not of "${String(field.type)}"`);
  }
  if (field.type === 'array' && field.itemType === 'enum' && enumType !== undefined && enumType !== null) validateEnumValues(field.enumValues, `${path}.enumValues`, out);
  if (generatedAs !== undefined && generatedAs !== null) {
    const problem = expressionProblem(generatedAs);
    if (problem) out.add('invalid_generated_expression', `${path}.generatedAs`, `generatedAs is the SQL expression of a generated column, e.g. "lower(email)"; it ${problem}`);
    for (const key of ['default', 'autoIncrement', 'primaryKey'] as const) {
      if (field[key] !== undefined && field[key] !== null && field[key] !== false)
        out.add('generated_with_value', `${path}.${key}`, `a generated column computes its value: it cannot have ${key}; drop ${key} or generatedAs`);
    }
  }
}

/** Why `text` cannot be an expression put in a statement, or undefined when it can. */
function expressionProblem(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return 'is missing';
  if (text.length > 2000) return 'is longer than 2000 characters';
  if (/[;\\\u0000-\u0008\u000b-\u001f\u007f]/.test(text)) return 'must hold no ";", backslash or control character';
  const code = text.replace(/'(?:[^']|'')*'/g, '0').replace(/"(?:[^"]|"")*"/g, 'x');
  if (/['"]/.test(code)) return 'has an unclosed quote';
  if (/--|\/\*|\*\//.test(code)) return 'must not hold a comment';
  let depth = 0;
  for (const ch of code) {
    if (ch === '(') depth++;
    else if (ch === ')' && --depth < 0) return 'has an unbalanced ")"';
  }
  return depth === 0 ? undefined : 'has an unclosed "("';
}

function validateReference(ref: unknown, path: string, out: IssueList): void {
  if (!isRecord(ref)) return out.add('invalid_reference', path, 'references must be { table, columns?, onDelete?, onUpdate? }');
  for (const key of Object.keys(ref)) {
    if (!['table', 'columns', 'onDelete', 'onUpdate'].includes(key)) out.add('unknown_option', `${path}.${key}`, `unknown references option "${key}"; use table, columns, onDelete, onUpdate`);
  }
  out.identifier(`${path}.table`, identifierProblem(ref.table));
  if (ref.columns !== undefined) {
    if (!Array.isArray(ref.columns) || ref.columns.length !== 1)
      out.add('reference_columns', `${path}.columns`, 'an inline reference names one referenced column, e.g. columns: ["id"]; use addConstraint for a composite key');
    else out.identifier(`${path}.columns[0]`, identifierProblem(ref.columns[0]));
  }
  for (const key of ['onDelete', 'onUpdate'] as const) {
    if (ref[key] !== undefined && !REFERENTIAL_ACTIONS.includes(ref[key] as never)) out.add('invalid_referential_action', `${path}.${key}`, `${key} must be one of ${REFERENTIAL_ACTIONS.join(', ')}`);
  }
}

function validateEnumValues(values: unknown, path: string, out: IssueList): void {
  if (!Array.isArray(values) || values.length === 0) {
    out.add('enum_without_values', path, 'an enum needs enumValues, a non-empty list of strings');
    return;
  }
  if (values.some((v) => typeof v !== 'string')) out.add('invalid_enum_value', path, 'enum values must be strings');
  if (new Set(values).size !== values.length) out.add('duplicate_enum_value', path, 'enum values must be unique');
}

function validateDefault(field: Record<string, unknown>, path: string, out: IssueList): void {
  const value = field.default;
  const type = field.type;
  const where = `${path}.default`;
  if (value === null) {
    if (field.required === true || field.nullable === false || field.primaryKey === true) out.add('null_default_on_required', where, 'a required field cannot default to null');
    return;
  }
  if (isRecord(value) && '$fn' in value) {
    if (value.$fn !== 'now' && value.$fn !== 'uuid') out.add('invalid_default', where, 'a function default must be { $fn: "now" } or { $fn: "uuid" }');
    return;
  }
  if (!isFieldType(type)) return;
  const kind = typeof value;
  const bad =
    (NUMERIC_TYPES.has(type) && kind !== 'number' && !(type === 'decimal' && kind === 'string')) || (STRING_TYPES.has(type) && kind !== 'string') || (type === 'boolean' && kind !== 'boolean');
  if (bad) out.add('default_type_mismatch', where, `default ${JSON.stringify(value)} does not fit type "${type}"`);
  if (type === 'enum' && Array.isArray(field.enumValues) && !field.enumValues.includes(value)) out.add('default_not_in_enum', where, `default ${JSON.stringify(value)} is not one of the enum values`);
}
