import type { Step, ValidationIssue } from '@ductape/core';
import { type MongoCommandStep, StepNames } from '../compile/step.js';

/** Where a step comes from, set by the adapter's compile on the steps that take a collection name. */
export interface CollectionOrigin {
  readonly migration: string;
  /** e.g. 'up[2]' */
  readonly path: string;
}

/** A step that may carry its origin (see MongoAdapter.compile). */
export type OriginStep = MongoCommandStep & { readonly origin?: CollectionOrigin };

/** What a step does to the collection names: takes one (create, rename to), frees one (drop, rename from), or something unknown (raw). */
type NameChange = { readonly take?: string; readonly free?: string; readonly doing?: string; readonly how?: string } | 'unknown';

/**
 * The collection names the steps create or rename something to: the names preflight reads.
 * @example collectionNamesOf(steps) // ['events']
 */
export function collectionNamesOf(steps: readonly Step[]): string[] {
  const names = new Set<string>();
  for (const step of steps) {
    const c = changeOf(step as OriginStep);
    if (c !== 'unknown' && c.take !== undefined) names.add(c.take);
  }
  return [...names].sort();
}

/**
 * Walks the steps in order over the live collection names (`live`: those of collectionNamesOf
 * that exist) and returns an issue 'collection_exists' for each step that would create, or rename
 * a collection to, a name taken at that point (MongoDB fails such a step with "Collection …
 * already exists" / "target namespace exists" after the earlier steps ran). A name an earlier
 * step drops or renames away is free; after a raw step nothing is checked (its effect is not
 * known). Pure.
 * @example collectionConflicts(steps, ['events'], 'app') // [{ code: 'collection_exists', path: 'up[0]', message: '…' }]
 */
export function collectionConflicts(steps: readonly Step[], live: readonly string[], database: string): ValidationIssue[] {
  const taken = new Map<string, string | undefined>(live.map((n) => [n, undefined]));
  const issues: ValidationIssue[] = [];
  for (const step of steps) {
    const s = step as OriginStep;
    const c = changeOf(s);
    if (c === 'unknown') return issues;
    const path = s.origin?.path ?? 'steps';
    if (c.free !== undefined) taken.delete(c.free);
    if (c.take === undefined) continue;
    if (taken.has(c.take)) {
      const origin = taken.get(c.take);
      issues.push({
        code: 'collection_exists',
        path,
        message:
          `${c.doing}: collection "${c.take}" already exists in database "${database}"${origin ? ` (${origin})` : ''}, and MongoDB would fail this step after the earlier ones ran. ` +
          `Pick another name, or drop or rename "${c.take}" first (an earlier op of this migration, or a migration of its own)`,
      });
    }
    taken.set(c.take, `${c.how ?? 'created'} by ${path} of this migration`);
  }
  return issues;
}

function changeOf(s: OriginStep): NameChange {
  if (s.kind !== 'command') return {};
  const args = (s.args ?? {}) as { readonly [key: string]: unknown };
  // Raw commands are compiled as they are written (compile-raw.ts): their effect is not followed.
  if (s.summary.startsWith('raw ')) return 'unknown';
  if (s.name === 'create' && typeof args.create === 'string') return { take: args.create, doing: `createCollection "${args.create}"` };
  if (s.name === 'drop' && typeof args.drop === 'string') return { free: args.drop };
  if (s.name === StepNames.renameCollection && typeof args.from === 'string' && typeof args.to === 'string') {
    return { free: args.from, take: args.to, doing: `renameCollection "${args.from}" → "${args.to}"`, how: 'renamed to it' };
  }
  return {};
}
