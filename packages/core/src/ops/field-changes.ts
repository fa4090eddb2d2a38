import { InvalidArgumentError } from '../errors/errors.js';
import type { FieldChanges, FieldDefinition } from '../model/field.js';

/**
 * A field definition with `changes` applied; `null` removes an option.
 * @example applyChanges({ name: 'email', type: 'string', length: 255 }, { length: 500 }).length // 500
 */
export function applyChanges(field: FieldDefinition, changes: FieldChanges): FieldDefinition {
  if (typeof field !== 'object' || field === null) throw new InvalidArgumentError('the field', 'a field definition', field);
  if (typeof changes !== 'object' || changes === null) throw new InvalidArgumentError('the changes', 'an object of field options', changes);
  const next: Record<string, unknown> = { ...field };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null || value === undefined) delete next[key];
    else next[key] = value;
  }
  if (next.type !== 'native') {
    delete next.native; // native text (and its dialect) belongs to type 'native' only
    delete next.dialect;
  }
  if (next.type !== 'enum' && next.itemType !== 'enum') delete next.enumType; // an enum type name belongs to enums only
  return next as unknown as FieldDefinition;
}

/**
 * The changes that take a field changed by `changes` back to `previous`.
 * @example revertChanges({ length: 500 }, { name: 'email', type: 'string', length: 255 }) // { length: 255 }
 */
export function revertChanges(changes: FieldChanges, previous: FieldDefinition): FieldChanges {
  const back: Record<string, unknown> = {};
  const prev = previous as unknown as Record<string, unknown>;
  for (const key of Object.keys(changes)) back[key] = prev[key] ?? null;
  // Leaving a native type drops its text (applyChanges), so going back must bring it.
  if ('type' in changes && prev.native !== undefined && !('native' in changes)) back.native = prev.native;
  if ('type' in changes && prev.dialect !== undefined && !('dialect' in changes)) back.dialect = prev.dialect;
  if ('type' in changes && prev.enumType !== undefined && !('enumType' in changes)) back.enumType = prev.enumType;
  return back as FieldChanges;
}
