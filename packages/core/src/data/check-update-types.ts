import type { ValidationIssue } from '../errors/errors.js';
import type { FieldDefinition } from '../model/field.js';
import type { CollectionSnapshot } from '../model/operation.js';
import type { ResolvedExpression } from './resolve-expression.js';
import type { Literal } from './update-request.js';
import { type ValueKind, describeValue, kindOfField, literalProblem } from './value-kinds.js';

type Kind = ValueKind | 'null';
type Fields = ReadonlyMap<string, FieldDefinition>;

const ARITHMETIC = new Set(['$ADD', '$SUB', '$MUL', '$DIV']);

/** What the checks read of a ResolvedUpdate (declared here, so resolve-update can import this file). */
export interface CheckedUpdate {
  readonly set: readonly { readonly column: string; readonly value: ResolvedExpression }[];
  readonly where: readonly { readonly column: string; readonly op: string; readonly value?: Literal | readonly Literal[] }[];
}

/**
 * Every way an update's values and operators do not fit the introspected column types, before
 * any IO: a literal that does not fit its column (`age: 'abc'` on an integer), arithmetic on text,
 * a text result into a number column, `$COALESCE` of different kinds, a literal division by zero,
 * null into a NOT NULL column, text longer than a `string(n)`. Types the checks do not know (a
 * native type) are never refused. Each issue names the column and what to pass instead.
 * @example updateTypeIssues(resolveUpdate({ table: 'people', data: { age: 'abc' } }, snapshot), snapshot)
 * // [{ code: 'type_mismatch', path: 'data.age', message: '"age" is integer and "abc" is text: pass a whole number such as 42 (or null)' }]
 */
export function updateTypeIssues(update: CheckedUpdate, table: CollectionSnapshot): ValidationIssue[] {
  const fields: Fields = new Map(table.fields.map((f) => [f.name, f]));
  const issues: ValidationIssue[] = [];
  for (const s of update.set) {
    const field = fields.get(s.column);
    if (field) assignIssues(field, s.value, `data.${s.column}`, fields, issues);
  }
  for (const c of update.where) {
    const field = fields.get(c.column);
    if (!field || c.op === 'isNull') continue;
    const values = Array.isArray(c.value) ? c.value : [c.value];
    for (const v of values) {
      const problem = literalProblem(field, v, false);
      if (problem) issues.push({ code: 'type_mismatch', path: `where.${c.column}`, message: problem });
    }
  }
  return issues;
}

function assignIssues(field: FieldDefinition, e: ResolvedExpression, path: string, fields: Fields, issues: ValidationIssue[]): void {
  if (e.kind === 'literal') {
    const problem = literalProblem(field, e.value, true);
    if (problem) issues.push({ code: 'type_mismatch', path, message: problem });
    return;
  }
  const source = kindOf(e, fields, path, issues);
  const target = kindOfField(field);
  if (source === 'null' || source === 'unknown' || target === 'unknown' || source === target) return;
  const what = e.kind === 'column' ? `column "${e.name}" is ${source}` : `${e.op} gives ${source === 'number' ? 'a number' : source}`;
  issues.push({ code: 'type_mismatch', path, message: `"${field.name}" is ${String(field.type)} and ${what}: ${assignHint(target, source)}` });
}

function assignHint(target: ValueKind, source: ValueKind): string {
  if (target === 'text') return `wrap it in $CONCAT to store it as text, e.g. { $CONCAT: [${source === 'number' ? "'age'" : "'column'"}] }`;
  if (target === 'number') return 'give it a number: a numeric column, a number, or $ADD/$SUB/$MUL/$DIV of those (text is not converted to numbers)';
  return `give it a ${target} value: a literal at the top level of data, or a column of the same type`;
}

function kindOf(e: ResolvedExpression, fields: Fields, path: string, issues: ValidationIssue[]): Kind {
  switch (e.kind) {
    case 'literal':
      return e.value === null ? 'null' : typeof e.value === 'number' ? 'number' : typeof e.value === 'boolean' ? 'boolean' : 'text';
    case 'column': {
      const field = fields.get(e.name);
      return field ? kindOfField(field) : 'unknown';
    }
    case 'call': {
      const kinds = e.args.map((a, i) => kindOf(a, fields, `${path}.${e.op}[${i}]`, issues));
      if (ARITHMETIC.has(e.op)) {
        e.args.forEach((a, i) => {
          const k = kinds[i] as Kind;
          if (k === 'number' || k === 'null' || k === 'unknown') return;
          const arg =
            a.kind === 'column'
              ? `column "${a.name}" is ${typeName(a.name, fields)}`
              : a.kind === 'literal'
                ? `${describeValue(a.value)} is ${k === 'text' ? 'text (a string that names no column is text)' : k}`
                : `${a.op} gives ${k}`;
          issues.push({ code: 'operator_type', path: `${path}.${e.op}[${i}]`, message: `${e.op} works on numbers and ${arg}: use a numeric column or a number` });
        });
        const divisor = e.args[1];
        if (e.op === '$DIV' && divisor?.kind === 'literal' && divisor.value === 0) {
          issues.push({ code: 'division_by_zero', path: `${path}.$DIV[1]`, message: '$DIV by the literal 0 fails on every row: divide by a non-zero number' });
        }
        return 'number';
      }
      if (e.op === '$COALESCE') {
        const known = [...new Set(kinds.filter((k): k is ValueKind => k !== 'null' && k !== 'unknown'))];
        if (known.length > 1) {
          issues.push({
            code: 'operator_type',
            path: `${path}.$COALESCE`,
            message: `$COALESCE mixes ${known.join(' and ')}: its arguments must be of one kind (a string that names no column is text); to fill empty values with a literal, set it at the top level instead, e.g. data: { col: value }, where: { col: null }`,
          });
          return 'unknown';
        }
        return known[0] ?? (kinds.includes('unknown') ? 'unknown' : 'null');
      }
      return 'text'; // $CONCAT, $LOWER, $UPPER
    }
    default:
      return 'unknown';
  }
}

function typeName(column: string, fields: Fields): string {
  const f = fields.get(column);
  return f ? (f.type === 'string' && typeof f.length === 'number' ? `string(${f.length})` : String(f.type)) : 'unknown';
}
