import type { LintFinding, LintRule } from './lint-types.js';

/**
 * A migration file without operations yet (a fresh `ductape new` template): `up` skips it, so a
 * committed one is work forgotten. It has no operation to check; `lintDrafts` reports it.
 */
export const draftRule: LintRule = {
  id: 'draft',
  description: 'a migration file without operations yet (up skips it)',
  check: () => [],
};

/**
 * One `draft` finding per draft file (op `null`: it concerns the whole file), unless ignored.
 * @example lintDrafts([{ tag: '20240115_143052_add_phone' }], [])[0]?.rule // 'draft'
 */
export function lintDrafts(drafts: readonly { readonly tag: string }[], ignore: readonly string[] = []): LintFinding[] {
  if (ignore.includes(draftRule.id)) return [];
  return drafts.map((d) => ({
    rule: draftRule.id,
    severity: 'error',
    tag: d.tag,
    op: null,
    collection: '',
    message: 'has no operations yet (a draft: `ductape up` skips it)',
    hint: 'add its operations, or delete the file',
  }));
}
