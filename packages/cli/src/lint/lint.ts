import type { Migration, Operation } from '@ductape/sdk';
import type { LintFinding, LintRule } from './lint-types.js';
import { dropCollectionRule, dropFieldRule, renameCollectionRule, renameFieldRule } from './rules-drop.js';
import { narrowingRule, notNullRule } from './rules-field.js';
import { indexRule } from './rules-index.js';
import { draftRule } from './rules-draft.js';

export { lintDrafts } from './rules-draft.js';

export type { LintFinding, LintRule } from './lint-types.js';

/** Every rule, by id: drop-collection, drop-field, rename-field, rename-collection, type-narrowing, not-null-without-default, index-not-concurrent, draft. */
export const LINT_RULES: readonly LintRule[] = [dropCollectionRule, dropFieldRule, renameFieldRule, renameCollectionRule, narrowingRule, notNullRule, indexRule, draftRule];

/**
 * The dangerous changes in the up operations of `migrations`, skipping rules in `ignore`.
 * A table counts as new (empty) only after an earlier op of the same migration created it.
 * Each finding's `op` counts from 1.
 * @example lintMigrations([m], []).map((f) => [f.rule, f.op]) // [['drop-field', 1]]
 */
export function lintMigrations(migrations: readonly Migration[], ignore: readonly string[] = []): LintFinding[] {
  const rules = LINT_RULES.filter((r) => !ignore.includes(r.id));
  const findings: LintFinding[] = [];
  for (const migration of migrations) {
    const created = new Set<string>();
    migration.up.forEach((op, index) => {
      const collection = collectionOf(op);
      const newTable = created.has(collection);
      for (const rule of rules) {
        for (const f of rule.check({ op, index, migration, newTable })) findings.push({ rule: rule.id, tag: migration.tag, op: index + 1, collection, ...f });
      }
      if (op.type === 'createCollection') created.add(op.name);
    });
  }
  return findings;
}

/**
 * The table an operation works on ('' for raw operations).
 * @example collectionOf({ type: 'addField', collection: 'users', field }) // 'users'
 */
export function collectionOf(op: Operation): string {
  if (op.type === 'createCollection' || op.type === 'dropCollection') return op.name;
  if (op.type === 'raw') return '';
  if (op.type === 'renameCollection') return op.from;
  return op.collection;
}
