import { identifierProblem } from '../helpers/identifiers.js';
import { type IssueList, isRecord } from '../helpers/issue-list.js';
import type { FieldDefinition } from '../model/field.js';
import type { FieldPosition } from '../model/operation.js';

/**
 * Where `field` stands among `fields` (their order in the table): undefined when it is the last
 * (or absent), so an addField that puts it back needs no position.
 * @example positionOf([{ name: 'id', type: 'integer' }, { name: 'a', type: 'string' }, { name: 'b', type: 'string' }], 'a') // { after: 'id' }
 */
export function positionOf(fields: readonly FieldDefinition[], field: string): FieldPosition | undefined {
  const i = fields.findIndex((f) => f.name === field);
  if (i < 0 || i === fields.length - 1) return undefined;
  return i === 0 ? 'first' : { after: (fields[i - 1] as FieldDefinition).name };
}

/**
 * `fields` with `field` placed at `position` (at the end without one, or when the field it
 * follows is not there).
 * @example placed([{ name: 'id', type: 'integer' }, { name: 'b', type: 'string' }], { name: 'a', type: 'string' }, { after: 'id' }) // id, a, b
 */
export function placed(fields: readonly FieldDefinition[], field: FieldDefinition, position: FieldPosition | undefined): FieldDefinition[] {
  if (position === 'first') return [field, ...fields];
  const at = position ? fields.findIndex((f) => f.name === position.after) : -1;
  if (at < 0) return [...fields, field];
  return [...fields.slice(0, at + 1), field, ...fields.slice(at + 1)];
}

/** Issues for an op's `position` (absent, 'first' or { after: <field name> }). */
export function validatePosition(position: unknown, path: string, out: IssueList): void {
  if (position === undefined || position === 'first') return;
  if (!isRecord(position) || typeof position.after !== 'string') {
    out.add('invalid_position', path, `position must be 'first' or { after: '<field name>' }, got ${JSON.stringify(position)}`);
    return;
  }
  out.identifier(`${path}.after`, identifierProblem(position.after));
}
