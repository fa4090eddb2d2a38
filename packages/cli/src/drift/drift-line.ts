import type { Colors } from '../cli/colors.js';
import type { Drift, KeyKind } from './drift-kind.js';

const KEY_WORDS: { readonly [k in KeyKind]: string } = { index: 'index', unique: 'unique constraint', 'foreign-key': 'foreign key', check: 'check constraint' };

/**
 * One drift as the `drift` commands print it: what differs, then what to do, e.g.
 * `  missing-unique        users: unique constraint users_email_key (email) is missing: it was created by 20261201_x; recreate it or record the change in a new migration`.
 * @example driftLine({ collection: 'users', kind: 'extra-field', field: 'nick', actual: 'string' }, colors(false))
 */
export function driftLine(d: Drift, c: Colors): string {
  return `  ${c.red(d.kind.padEnd(21))} ${d.name === undefined ? fieldText(d) : keyText(d)}`;
}

function fieldText(d: Drift): string {
  const where = `${d.collection}${d.field ? `.${d.field}` : ''}`;
  switch (d.kind) {
    case 'missing-collection':
      return `${where}: missing; recreate it or record its removal in a new migration`;
    case 'unexpected-collection':
      return `${where}: dropped by an applied migration but still there; drop it or record it in a new migration`;
    case 'changed-field':
      return `${where}: expected ${d.expected ?? ''}, found ${d.actual ?? ''}; change it back or record the change in a new migration`;
    case 'missing-field':
      return `${where}${d.expected ? ` (${d.expected})` : ''}: missing; add it back or record its removal in a new migration`;
    default:
      return `${where}${d.actual ? ` (${d.actual})` : ''}: in no applied migration; drop it or record it in a new migration`;
  }
}

function keyText(d: Drift): string {
  const [state, ...rest] = d.kind.split('-');
  const what = `${d.collection}: ${KEY_WORDS[rest.join('-') as KeyKind] ?? rest.join('-')} ${d.name ?? ''}`;
  const by = d.madeBy ? `it was created by ${d.madeBy}` : 'the history has it';
  if (state === 'missing') return `${what} ${d.expected ?? ''} is missing: ${by}; recreate it or record the change in a new migration`;
  if (state === 'changed') return `${what} differs: expected ${d.expected ?? ''}, found ${d.actual ?? ''} (${by}); recreate it as expected or record the change in a new migration`;
  return `${what} ${d.actual ?? ''} is in no applied migration: drop it or record it in a new migration`;
}
