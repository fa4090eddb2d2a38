import { type FieldDefinition, isNotNull } from '@ductape/sdk';
import type { LintRule, RuleFinding } from './lint-types.js';

/** Type changes that never lose data. */
const WIDENINGS: { readonly [from: string]: readonly string[] } = {
  smallint: ['integer', 'bigint', 'decimal', 'double'],
  integer: ['bigint', 'decimal', 'double'],
  bigint: ['decimal'],
  float: ['double'],
  string: ['text'],
  date: ['datetime', 'timestamp'],
  datetime: ['timestamp'],
  blob: ['binary'],
  binary: ['blob'],
};

/** modifyField that shortens a length or precision, or changes the type other than widening. */
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
    if (!prev) return [{ severity: 'warning', message: `changes ${touched.join(', ')} of ${where} without its previous definition, so narrowing cannot be ruled out`, hint: 'build it with db.schema.modifyField (which records the previous definition) or pass { previous }' }];
    return narrowings(prev, c, where);
  },
};

function narrowings(prev: FieldDefinition, c: Partial<Record<string, unknown>>, where: string): RuleFinding[] {
  const found: RuleFinding[] = [];
  const hint = 'values that do not fit make it fail (or are cut): add a new field, backfill and switch instead';
  if (typeof c.type === 'string' && c.type !== prev.type && !(WIDENINGS[prev.type] ?? []).includes(c.type)) {
    found.push({ severity: 'error', message: `changes the type of ${where} from ${prev.type} to ${c.type}`, hint });
  }
  for (const key of ['length', 'precision', 'scale'] as const) {
    const before = prev[key];
    const after = c[key];
    if (typeof after === 'number' && typeof before === 'number' && after < before) found.push({ severity: 'error', message: `shortens the ${key} of ${where} from ${before} to ${after}`, hint });
    if (typeof after === 'number' && before === undefined && (key !== 'length' || prev.type === 'text')) found.push({ severity: 'error', message: `limits the ${key} of ${where} to ${after} (it had none)`, hint });
  }
  const removed = Array.isArray(c.enumValues) && Array.isArray(prev.enumValues) ? prev.enumValues.filter((v) => !(c.enumValues as string[]).includes(v)) : [];
  if (removed.length > 0) found.push({ severity: 'error', message: `removes enum value${removed.length === 1 ? '' : 's'} ${removed.join(', ')} from ${where}`, hint });
  return found;
}

/** A NOT NULL column without a default on a table that may have rows. */
export const notNullRule: LintRule = {
  id: 'not-null-without-default',
  description: 'adding NOT NULL without a default to an existing table (fails on existing rows, or scans under lock)',
  check: ({ op, newTable }) => {
    if (newTable) return [];
    if (op.type === 'addField' && isNotNull(op.field) && op.field.default === undefined && !op.field.autoIncrement) {
      return [{ severity: 'error', message: `adds required field "${op.collection}.${op.field.name}" without a default: fails when the table has rows`, hint: 'give it a default, or add it nullable, backfill, then make it required' }];
    }
    if (op.type === 'modifyField' && (op.changes.required === true || op.changes.nullable === false) && op.changes.default == null && op.previous?.default === undefined) {
      return [{ severity: 'warning', message: `makes "${op.collection}.${op.field}" required without a default: fails if any row holds null`, hint: 'backfill the nulls first (db.update), or set a default in the same change' }];
    }
    return [];
  },
};
