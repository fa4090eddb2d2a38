import type { Queryable } from './postgres-driver.js';
import { quoteIdent, quoteLiteral } from './quote.js';

/**
 * The statement that puts the adapter's schema first on a work session's `search_path` (the path
 * it had stays after it), so raw SQL with unqualified names creates and finds this schema's
 * relations, not `public`'s — in a schema-per-tenant fleet each tenant's raw migration changes
 * its own schema. Compiled statements name the schema anyway. Undefined for `public` (the path is
 * left as the session has it). `local`: for the transaction (SET LOCAL semantics).
 * @example schemaFirstSql('tenant_1', true) // SELECT set_config('search_path', '"tenant_1"' || ', ' || current_setting('search_path'), true)
 */
export function schemaFirstSql(schema: string, local: boolean): string | undefined {
  if (schema === 'public') return undefined;
  return `SELECT set_config('search_path', ${quoteLiteral(quoteIdent(schema, 'schema'))} || ', ' || current_setting('search_path'), ${local})`;
}

/**
 * Runs `fn` with the schema first on the session's search_path (autocommit: a session-level
 * setting), then gives the session its path back.
 * @example await withSchemaFirst(db, 'tenant_1', () => db.query('CREATE INDEX CONCURRENTLY i ON t (a)'))
 */
export async function withSchemaFirst<T>(db: Queryable, schema: string, fn: () => Promise<T>): Promise<T> {
  if (schema === 'public') return fn();
  const previous = String((await db.query('SELECT current_setting($1) AS p', ['search_path'])).rows[0]?.p ?? '');
  await db.query(schemaFirstSql(schema, false) as string);
  try {
    return await fn();
  } finally {
    await db.query("SELECT set_config('search_path', $1, false)", [previous]).catch(() => undefined);
  }
}
