import { type Migration, type Operation, canonicalJson, inverseOf, missingPrevious } from '@ductape/sdk';
import { collectionOf } from './lint-collection.js';
import type { LintRule, MigrationRuleFinding } from './lint-types.js';

/**
 * A migration whose down cannot be made. The builder derives `down` from the up operations; an op
 * without the definition it replaces (`previous` of a dropField, dropCollection, modifyField,
 * renameField, dropIndex, dropConstraint, renameCollection) is no problem by itself: the engine
 * reads it from the live database when it applies the migration (before any change) and records
 * the resolved migration, so its down is complete. What cannot be derived is exactly what the
 * engine cannot read or invert:
 * - a raw operation without `down` (its text is not modelled, so nothing can undo it): the
 *   migration is irreversible, `ductape down` refuses it (DUCTAPE_IRREVERSIBLE);
 * - an op that needs the live schema after a raw operation of the same migration: the engine
 *   cannot know what the raw text will have changed, so `up` refuses the migration before any
 *   change (DUCTAPE_VALIDATION `unresolvable_after_raw`), whatever table the raw text touches.
 * A down written by hand (not the one the ops derive) is the author's and is not checked here.
 */
export const irreversibleRule: LintRule = {
  id: 'irreversible',
  description: 'a migration whose down cannot be made: a raw op without down, an op needing the live schema after a raw op',
  check: () => [],
  checkMigration: ({ migration }) => {
    const kind = downKind(migration);
    if (kind === 'hand-written') return [];
    if (kind === 'derived') return derivedDownProblems(migration.up);
    return [
      {
        severity: 'error',
        op: null,
        collection: '',
        message: `is marked irreversible (${String(migration.irreversible)}): \`ductape down\` refuses it with DUCTAPE_IRREVERSIBLE`,
        hint: 'give it a down, or keep it irreversible on purpose and run `ductape lint --ignore irreversible` for it',
      },
    ];
  },
};

function derivedDownProblems(up: readonly Operation[]): MigrationRuleFinding[] {
  const out: MigrationRuleFinding[] = [];
  let raw: number | undefined;
  up.forEach((op, i) => {
    if (op.type === 'raw') {
      if (!op.down)
        out.push({
          severity: 'error',
          op: i + 1,
          collection: '',
          message: `raw ${op.dialect} operation has no down: the migration cannot be rolled back (\`ductape down\` refuses it with DUCTAPE_IRREVERSIBLE)`,
          hint: "give it one: .raw(dialect, sql, { down: '…' }), or use the operation for it (createIndex, addField, …), whose down is derived",
        });
      raw ??= i + 1;
      return;
    }
    const needs = missingPrevious(op) ?? (op.type === 'createCollection' && op.options?.sqlOptions?.ifNotExists === true && !op.existed ? `createCollection ${op.name} with ifNotExists` : undefined);
    if (raw !== undefined && needs !== undefined) {
      out.push({
        severity: 'error',
        op: i + 1,
        collection: collectionOf(op),
        message: `${needs}, and comes after raw op ${raw}: the engine cannot read what it replaces before the raw text runs, so \`up\` refuses the migration before any change (unresolvable_after_raw) and its down could not be derived`,
        hint: 'pass { previous } (the definition it replaces), or move the raw operation into a migration of its own',
      });
    }
  });
  return out;
}

/**
 * Where `m.down` comes from: `derived` from its up operations as the builder does it (then
 * `irreversible`, if set, is the builder's reason, which resolution may lift), `hand-written`
 * (a down the ops do not derive, the author's), or `declared` irreversible by the author.
 */
function downKind(m: Migration): 'derived' | 'hand-written' | 'declared' {
  const down: Operation[] = [];
  for (const op of m.up) {
    const inv = inverseOf(op);
    if (!inv.ok) {
      if (m.irreversible === inv.reason && m.down.length === 0) return 'derived';
      return m.irreversible === undefined ? 'hand-written' : 'declared';
    }
    if (inv.op) down.unshift(inv.op);
  }
  if (m.irreversible !== undefined) return 'declared';
  return canonicalJson(down) === canonicalJson(m.down) ? 'derived' : 'hand-written';
}
