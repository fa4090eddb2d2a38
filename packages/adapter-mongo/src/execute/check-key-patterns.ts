import { ValidationError } from '@ductape/core';
import type { ClientSession, Db, Document } from 'mongodb';
import type { IndexKey, KeyPatternCheck } from '../compile/index-events.js';
import { keyPatternConflicts } from '../compile/index-key-patterns.js';

/**
 * Reads the live indexes of the collections a migration touches and refuses it (ValidationError
 * 'duplicate_key_pattern') when one of its ops would add an index on a key pattern the collection
 * already has under another name. Runs at the migration's first step, before that step changes
 * anything; reads only.
 * @example await checkKeyPatterns(db, { migration: 'm2', events }, session)
 */
export async function checkKeyPatterns(db: Db, check: KeyPatternCheck, session: ClientSession | undefined): Promise<void> {
  const names = new Set<string>();
  for (const e of check.events) {
    if (e.kind === 'renameCollection') names.add(e.from).add(e.to);
    else if (e.kind !== 'blind') names.add(e.collection);
  }
  const live = new Map<string, IndexKey[]>();
  const opts = session ? { session } : {};
  for (const name of names) {
    if ((await db.listCollections({ name }, { ...opts, nameOnly: true }).toArray()).length === 0) continue;
    const indexes = await db.collection(name).listIndexes(opts).toArray();
    live.set(
      name,
      indexes.map((i) => ({ name: String(i.name), key: Object.entries(i.key as Document) })),
    );
  }
  const issues = keyPatternConflicts(check.events, (c) => live.get(c) ?? [], 'a live index');
  if (issues.length > 0) throw new ValidationError(`migration "${check.migration}" against the live indexes (nothing was changed)`, issues);
}
