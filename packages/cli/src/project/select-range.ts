import { findLocal } from './load-migrations.js';

type Ref = { readonly tag: string; readonly name?: string; readonly migration?: { readonly name: string } };

/**
 * The migrations named by positionals (tags or names), else those between `from` and `to`
 * (inclusive), else all of them.
 * @example selectRange(local, [], { from: '20240115_143052_a', to: undefined })
 */
export function selectRange<L extends Ref>(local: readonly L[], refs: readonly string[], range: { from?: unknown; to?: unknown }): L[] {
  if (refs.length > 0) return refs.map((r) => local[findLocal(local, r)] as L);
  const from = typeof range.from === 'string' ? findLocal(local, range.from) : 0;
  const to = typeof range.to === 'string' ? findLocal(local, range.to) : local.length - 1;
  return local.slice(from, to + 1);
}
