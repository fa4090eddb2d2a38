import { ValidationError, identifierProblem } from '@ductape/core';

/** PostgreSQL truncates identifiers longer than this many bytes (NAMEDATALEN - 1). */
export const MAX_PG_IDENTIFIER_BYTES = 63;

/**
 * Why `name` cannot be a PostgreSQL identifier, or undefined when it can (quotes, spaces,
 * unicode and reserved words are fine: every identifier is quoted).
 * @example pgIdentifierProblem('x'.repeat(70)) // 'is 70 bytes long; PostgreSQL allows 63'
 */
export function pgIdentifierProblem(name: unknown): string | undefined {
  const problem = identifierProblem(name);
  if (problem) return problem;
  const bytes = Buffer.byteLength(name as string, 'utf8');
  if (bytes > MAX_PG_IDENTIFIER_BYTES) return `is ${bytes} bytes long; PostgreSQL allows ${MAX_PG_IDENTIFIER_BYTES}`;
  return undefined;
}

/**
 * Validates and double-quotes an identifier, doubling embedded quotes.
 * @example quoteIdent('my "table"') // '"my ""table"""'
 */
export function quoteIdent(name: string, what = 'identifier'): string {
  const problem = pgIdentifierProblem(name);
  if (problem) throw new ValidationError(`PostgreSQL ${what}`, [{ code: 'invalid_identifier', path: what, message: `${JSON.stringify(String(name).slice(0, 80))} ${problem}` }]);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * A schema-qualified, quoted name; temporary tables live in pg_temp and take no schema.
 * @example qualify('public', 'users') // '"public"."users"'
 */
export function qualify(schema: string | undefined, name: string): string {
  return schema === undefined ? quoteIdent(name, 'table') : `${quoteIdent(schema, 'schema')}.${quoteIdent(name, 'table')}`;
}

/**
 * A SQL string literal for places PostgreSQL takes no parameters (DEFAULT, DDL). Quotes are
 * doubled; backslashes are literal because the adapter runs with standard_conforming_strings on.
 * @example quoteLiteral("it's") // "'it''s'"
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new ValidationError('PostgreSQL literal', [{ code: 'invalid_literal', path: 'default', message: 'text cannot contain the NUL character' }]);
  return `'${value.replace(/'/g, "''")}'`;
}
