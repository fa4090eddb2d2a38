import type { FieldChanges, FieldDefinition } from '@ductape/core';

/** Type changes that never lose data (from → to). */
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

/** The field options a modifyField can narrow. */
export const NARROWABLE_KEYS = ['type', 'length', 'precision', 'scale', 'enumValues'] as const;

/**
 * How `changes` narrow a field defined as `previous`: a type change other than a widening, a
 * shorter length/precision/scale, a limit where there was none, enum values removed. Each item
 * is a sentence about `where` (e.g. `"users.email"`); none when the change cannot lose data.
 * @example fieldNarrowings({ name: 'a', type: 'string', length: 255 }, { length: 100 }, '"t.a"') // ['shortens the length of "t.a" from 255 to 100']
 */
export function fieldNarrowings(previous: FieldDefinition, changes: FieldChanges, where: string): string[] {
  const found: string[] = [];
  const c = changes as Partial<Record<string, unknown>>;
  if (typeof c.type === 'string' && c.type !== previous.type && !(WIDENINGS[previous.type] ?? []).includes(c.type)) {
    found.push(`changes the type of ${where} from ${previous.type} to ${c.type}`);
  }
  for (const key of ['length', 'precision', 'scale'] as const) {
    const before = previous[key];
    const after = c[key];
    if (typeof after === 'number' && typeof before === 'number' && after < before) found.push(`shortens the ${key} of ${where} from ${before} to ${after}`);
    if (typeof after === 'number' && before === undefined && (key !== 'length' || previous.type === 'text')) found.push(`limits the ${key} of ${where} to ${after} (it had none)`);
  }
  const removed = Array.isArray(c.enumValues) && Array.isArray(previous.enumValues) ? previous.enumValues.filter((v) => !(c.enumValues as string[]).includes(v)) : [];
  if (removed.length > 0) found.push(`removes enum value${removed.length === 1 ? '' : 's'} ${removed.join(', ')} from ${where}`);
  return found;
}
