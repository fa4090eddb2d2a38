import { type FieldChanges, type FieldDefinition, fieldNarrowings, isNotNull } from '@ductape/sdk';
import type { LintRule, RuleFinding } from './lint-types.js';

/** modifyField that shortens a length or precision, or changes the type other than widening (the sdk's `fieldNarrowings`, which the production guard uses too). */
export const narrowingRule: LintRule = {
  id: 'type-narrowing',
  description: 'modifyField shortening length/precision/scale or changing the type (values may not fit)',
  check: ({ op }) => {
    if (op.type !== 'modifyField') return [];
    const c = op.changes;
    const touched = (['type', 'length', 'precision', 'scale', 'enumValues'] as const).filter((k) => c[k] !== undefined);
    if (touched.length === 0) return [];
    const where = `"${op.collection}.${op.field}"`;
    const prev = op.previous;
    if (!prev)
      return [
        {
          severity: 'warning',
          message: `changes ${touched.join(', ')} of ${where} without its previous definition, so narrowing cannot be ruled out`,
          hint: 'build it with db.schema.modifyField (which records the previous definition) or pass { previous }',
        },
      ];
    return narrowings(prev, c, where);
  },
};

function narrowings(prev: FieldDefinition, c: FieldChanges, where: string): RuleFinding[] {
  const hint = 'values that do not fit make it fail (or are cut): add a new field, backfill and switch instead';
  return fieldNarrowings(prev, c, where).map((message) => ({ severity: 'error', message, hint }));
}

/** A NOT NULL column without a default on a table that may have rows. */
export const notNullRule: LintRule = {
  id: 'not-null-without-default',
  description: 'adding NOT NULL without a default to an existing table (fails on existing rows, or scans under lock)',
  check: ({ op, newTable }) => {
    if (newTable) return [];
    if (op.type === 'addField' && isNotNull(op.field) && op.field.default === undefined && !op.field.autoIncrement) {
      return [
        {
          severity: 'error',
          message: `adds required field "${op.collection}.${op.field.name}" without a default: fails when the table has rows`,
          hint: 'give it a default, or add it nullable, backfill, then make it required',
        },
      ];
    }
    if (op.type === 'modifyField' && (op.changes.required === true || op.changes.nullable === false) && op.changes.default == null && op.previous?.default === undefined) {
      return [
        {
          severity: 'warning',
          message: `makes "${op.collection}.${op.field}" required without a default: fails if any row holds null`,
          hint: 'backfill the nulls first (db.update), or set a default in the same change',
        },
      ];
    }
    return [];
  },
};
