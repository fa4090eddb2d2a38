import type { Migration } from '@ductape/sdk';
import { collectionOf } from './lint-collection.js';
import type { LintFinding, LintRule, LintTarget } from './lint-types.js';
import { dropCollectionRule, dropFieldRule, renameCollectionRule, renameFieldRule } from './rules-drop.js';
import { narrowingRule, notNullRule } from './rules-field.js';
import { indexRule } from './rules-index.js';
import { draftRule } from './rules-draft.js';
import { irreversibleRule } from './rules-irreversible.js';
import { indexKeyLengthRule } from './rules-index-key.js';
import { downOrderRule } from './rules-down-order.js';
import { referencedDropRule } from './rules-referenced-drop.js';
import { enumTypeChangeRule, nativeDialectRule } from './rules-native.js';
import { SchemaModel } from './schema-model.js';

export { lintDrafts } from './rules-draft.js';
export { collectionOf } from './lint-collection.js';

export type { LintFinding, LintRule, LintTarget } from './lint-types.js';

/**
 * Every rule, by id: drop-collection, drop-field, rename-field, rename-collection, type-narrowing,
 * not-null-without-default, index-not-concurrent, draft, irreversible, native-dialect, for
 * MySQL/MariaDB index-key-length and down-order, and for PostgreSQL enum-type-change.
 */
export const LINT_RULES: readonly LintRule[] = [
  dropCollectionRule,
  dropFieldRule,
  renameFieldRule,
  renameCollectionRule,
  narrowingRule,
  notNullRule,
  indexRule,
  draftRule,
  irreversibleRule,
  indexKeyLengthRule,
  downOrderRule,
  referencedDropRule,
  nativeDialectRule,
  enumTypeChangeRule,
];

/**
 * Whether `rule` applies to the target's dialect: a rule without `dialects` applies everywhere,
 * one with them only to those (never when the dialect is unknown).
 * @example appliesTo(downOrderRule, { dialect: 'mariadb' }) // true
 */
export function appliesTo(rule: LintRule, target: LintTarget): boolean {
  return !rule.dialects || (target.dialect !== undefined && rule.dialects.includes(target.dialect));
}

/**
 * The dangerous changes in the up operations of `migrations` (and, for migration-wide rules, in
 * what cannot be undone and in their downs), skipping rules in `ignore` and rules of other
 * dialects than `target.dialect`. Every migration is replayed in order on a model of the schema
 * (so a rule knows the tables earlier files made); with `only`, findings are reported for the
 * migrations of those tags alone. A table counts as new (empty) only after an earlier op of the
 * same migration created it. Each finding's `op` counts from 1.
 * @example lintMigrations([m], []).map((f) => [f.rule, f.op]) // [['drop-field', 1]]
 */
export function lintMigrations(migrations: readonly Migration[], ignore: readonly string[] = [], target: LintTarget = {}, only?: ReadonlySet<string>): LintFinding[] {
  const rules = LINT_RULES.filter((r) => !ignore.includes(r.id) && appliesTo(r, target));
  const schema = new SchemaModel();
  const findings: LintFinding[] = [];
  for (const migration of migrations) {
    if (only && !only.has(migration.tag)) {
      for (const op of migration.up) schema.apply(op);
      continue;
    }
    const wide: LintFinding[] = [];
    for (const rule of rules) {
      for (const f of rule.checkMigration?.({ migration, before: schema }) ?? []) wide.push({ rule: rule.id, tag: migration.tag, ...f });
    }
    const created = new Set<string>();
    migration.up.forEach((op, index) => {
      const collection = collectionOf(op);
      const newTable = created.has(collection);
      for (const rule of rules) {
        const adapter = rule.needsAdapter ? target.adapter : undefined;
        for (const f of rule.check({ op, index, migration, newTable, schema, adapter, dialect: target.dialect })) findings.push({ rule: rule.id, tag: migration.tag, op: index + 1, collection, ...f });
      }
      if (op.type === 'createCollection') created.add(op.name);
      schema.apply(op);
    });
    findings.push(...wide);
  }
  return findings;
}
