import { ValidationError, type Step } from '@ductape/core';
import type { PostgresStatementStep } from '../compile/step.js';
import type { Queryable } from '../postgres-driver.js';

// A raw step that creates the extension itself (before the step that needs it) satisfies it.
const CREATE_EXTENSION = /\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([A-Za-z_][A-Za-z0-9_]*)"?/gi;

/**
 * The extensions the steps use (`extensions` of a step, e.g. citext) that no earlier step of them
 * creates, each with the step that first needs it.
 * @example extensionsNeeded([{ kind: 'statement', text: 'CREATE TABLE …', summary: 'create table', extensions: ['citext'] }]) // [['citext', 'create table']]
 */
export function extensionsNeeded(steps: readonly Step[]): [extension: string, summary: string][] {
  const created = new Set<string>();
  const needed = new Map<string, string>();
  for (const step of steps) {
    if (step.kind !== 'statement') continue;
    const s = step as PostgresStatementStep;
    for (const name of s.extensions ?? []) if (!created.has(name) && !needed.has(name)) needed.set(name, s.summary);
    for (const m of s.text.matchAll(CREATE_EXTENSION)) created.add(String(m[1]).toLowerCase());
  }
  return [...needed];
}

/**
 * Refuses (ValidationError 'missing_extension', before any change) steps that use a type of an
 * extension the database does not have (pg_extension): extensions are never created silently.
 * Reads only, and only when some step needs one. `first`: a check without IO to run before it.
 * @example await refuseMissingExtensions(driver, steps) // throws: … needs the PostgreSQL extension "citext" …
 */
export async function refuseMissingExtensions(db: Queryable, steps: readonly Step[], first?: () => void): Promise<void> {
  first?.();
  const needed = extensionsNeeded(steps);
  if (needed.length === 0) return;
  const rows = (await db.query('SELECT extname::text AS name FROM pg_extension WHERE extname = ANY($1::text[])', [needed.map(([name]) => name)])).rows;
  const present = new Set(rows.map((r) => String(r.name)));
  const missing = needed.filter(([name]) => !present.has(name));
  if (missing.length === 0) return;
  const migration = steps.map((s) => (s as PostgresStatementStep).origin?.migration).find((m) => m !== undefined) ?? '(unnamed)';
  throw new ValidationError(
    `migration "${migration}" (nothing was changed)`,
    missing.map(([name, summary]) => ({
      code: 'missing_extension',
      path: summary,
      message: `needs the PostgreSQL extension "${name}", which this database does not have (pg_extension); ductape never creates extensions itself: run CREATE EXTENSION ${name} as a superuser (or a role allowed to), or put raw('postgresql', 'CREATE EXTENSION IF NOT EXISTS ${name}', { down: 'DROP EXTENSION ${name}' }) in an earlier step`,
    })),
  );
}
