import type { Colors } from '../cli/colors.js';
import type { Drift } from './compare.js';

/**
 * One drift as the `drift` commands print it: `  missing-field         users.phone (string(20))`.
 * @example driftLine({ collection: 'users', kind: 'extra-field', field: 'nick', actual: 'string' }, colors(false))
 */
export function driftLine(d: Drift, c: Colors): string {
  const detail = d.kind === 'changed-field' ? `: expected ${d.expected ?? ''}, found ${d.actual ?? ''}` : d.expected ? ` (${d.expected})` : d.actual ? ` (${d.actual})` : '';
  return `  ${c.red(d.kind.padEnd(21))} ${d.collection}${d.field ? `.${d.field}` : ''}${detail}`;
}
