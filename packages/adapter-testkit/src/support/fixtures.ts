import { migration, type CollectionSnapshot, type FieldDefinition, type Migration, type Operation } from '@ductape/core';

let counter = 0;

/**
 * A short name unique within this run, so tests never see each other's tables or history rows.
 * @example unique('users') // 'users_k3x1'
 */
export function unique(base: string): string {
  counter++;
  return `${base}_${Date.now().toString(36).slice(-4)}${counter}`;
}

/** The base table most checks alter: a key, a string, an integer `n`, an enum and a nullable text. */
export function baseFields(): FieldDefinition[] {
  return [
    { name: 'id', type: 'integer', primaryKey: true },
    { name: 'email', type: 'string', length: 100 },
    { name: 'n', type: 'integer', default: 1 },
    { name: 'status', type: 'enum', enumValues: ['on', 'off'], default: 'on' },
    { name: 'note', type: 'text' },
    { name: 'ref_id', type: 'integer' },
  ];
}

/**
 * A built migration of `ops`, named uniquely.
 * @example build('add_phone', { type: 'addField', collection: 't', field: { name: 'p', type: 'string' } })
 */
export function build(name: string, ...ops: Operation[]): Migration {
  let b = migration(unique(name));
  for (const op of ops) b = b.operation(op);
  return b.build();
}

/**
 * A snapshot made comparable: fields sorted by name (a dropped then re-added column comes back
 * last), undefined kept as undefined.
 * @example expect(comparable(after)).toEqual(comparable(before))
 */
export function comparable(s: CollectionSnapshot | undefined): unknown {
  if (!s) return undefined;
  const byName = <T extends { name: string }>(list: readonly T[] | undefined): T[] => [...(list ?? [])].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { ...s, fields: byName(s.fields), indexes: byName(s.indexes), constraints: byName(s.constraints) };
}
