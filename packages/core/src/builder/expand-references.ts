import { foreignKeyName } from '../helpers/constraint-names.js';
import type { ConstraintDefinition } from '../model/constraint.js';
import type { FieldDefinition } from '../model/field.js';
import type { Operation } from '../model/operation.js';

/**
 * Turns each inline `references` of a created or added field into its own `addConstraint`
 * (named `<table>_<column>_fkey`, see `foreignKeyName`), placed right after the op that makes
 * the column, so the derived down drops the foreign key before the column or table.
 * Other ops and malformed ones (left for validation) pass through unchanged.
 * @example expandReferences([{ type: 'addField', collection: 'orders', field: { name: 'userId', type: 'uuid', references: { table: 'users' } } }]).length // 2
 */
export function expandReferences(ops: readonly Operation[]): Operation[] {
  const out: Operation[] = [];
  for (const op of ops) {
    if (typeof op !== 'object' || op === null) {
      out.push(op);
      continue;
    }
    if (op.type === 'createCollection' && Array.isArray(op.fields) && op.fields.some(hasReference)) {
      out.push({ ...op, fields: op.fields.map(withoutReference) });
      for (const f of op.fields.filter(hasReference)) out.push(constraintOf(op.name, f));
    } else if (op.type === 'addField' && hasReference(op.field)) {
      out.push({ ...op, field: withoutReference(op.field) });
      out.push(constraintOf(op.collection, op.field));
    } else out.push(op);
  }
  return out;
}

const REFERENCE_KEYS = new Set(['table', 'columns', 'onDelete', 'onUpdate']);

/** A well-formed inline reference. One with a key of its own (`column: 'uid'` for `columns`) stays on the field, where validation refuses it by name: expanded, the key would be dropped and the foreign key would silently point at `id`. */
function hasReference(f: FieldDefinition): boolean {
  return (
    typeof f === 'object' &&
    f !== null &&
    typeof f.references === 'object' &&
    f.references !== null &&
    typeof f.references.table === 'string' &&
    Object.keys(f.references).every((k) => REFERENCE_KEYS.has(k))
  );
}

function withoutReference(f: FieldDefinition): FieldDefinition {
  if (!hasReference(f)) return f;
  const { references: _r, ...rest } = f;
  return rest;
}

function constraintOf(table: string, f: FieldDefinition): Operation {
  const ref = f.references!;
  const constraint: ConstraintDefinition = {
    name: foreignKeyName(table, f.name),
    type: 'foreignKey',
    columns: [f.name],
    references: {
      table: ref.table,
      columns: ref.columns ?? ['id'],
      ...(ref.onDelete ? { onDelete: ref.onDelete } : {}),
      ...(ref.onUpdate ? { onUpdate: ref.onUpdate } : {}),
    },
  };
  return { type: 'addConstraint', collection: table, constraint };
}
