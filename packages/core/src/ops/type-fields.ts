import { identifierProblem } from '../helpers/identifiers.js';
import { type IssueList, isRecord } from '../helpers/issue-list.js';
import { validateField } from '../helpers/validate-field.js';

// What a field of a user-defined type may say: its name and type (length, precision, itemType,
// native…); not the column-only options (key, static, unique, default, references…).
const COLUMN_ONLY = ['primaryKey', 'static', 'unique', 'autoIncrement', 'default', 'references', 'required', 'nullable'];

/**
 * Checks a user-defined type's name (`name` at `path`) and, when given, its fields.
 * @example validateTypeFields({ name: 'address', fields: [{ name: 'city', type: 'text' }] }, 'up[0]', out, true)
 */
export function validateTypeFields(op: Record<string, unknown>, path: string, out: IssueList, fieldsRequired: boolean): void {
  out.identifier(`${path}.name`, identifierProblem(op.name));
  const fields = op.fields;
  if (fields === undefined && !fieldsRequired) return;
  if (!Array.isArray(fields) || fields.length === 0) {
    out.add('no_fields', `${path}.fields`, 'a user-defined type needs at least one field, e.g. [{ name: "city", type: "text" }]');
    return;
  }
  const seen = new Set<string>();
  fields.forEach((f, i) => validateTypeField(f, `${path}.fields[${i}]`, out, seen));
}

/**
 * Checks one field of a user-defined type (and that its name is not in `seen`).
 * @example validateTypeField({ name: 'zip', type: 'text', primaryKey: true }, 'up[0].addField', out) // type_field_option
 */
export function validateTypeField(field: unknown, path: string, out: IssueList, seen = new Set<string>()): void {
  validateField(field, path, out);
  if (!isRecord(field)) return;
  for (const key of COLUMN_ONLY) {
    if (field[key] !== undefined && field[key] !== false) out.add('type_field_option', `${path}.${key}`, `${key} is a column option; a field of a user-defined type has a name and a type only`);
  }
  if (typeof field.name === 'string') {
    if (seen.has(field.name)) out.add('duplicate_field', `${path}.name`, `field "${field.name}" is defined twice`);
    seen.add(field.name);
  }
}
