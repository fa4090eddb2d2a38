import { ValidationError, identifierProblem } from '@ductape/core';

/** Cassandra names keyspaces, tables and indexes with letters, digits and underscores only. */
const SCHEMA_NAME = /^[A-Za-z0-9_]+$/;
/** Longest keyspace, table or index name Cassandra accepts (SchemaConstants.NAME_LENGTH). */
export const MAX_CASSANDRA_NAME_LENGTH = 48;

/**
 * Why `name` cannot name a Cassandra keyspace, table or index, or undefined when it can.
 * Column names are freer (any quoted text); see `quoteIdent`.
 * @example schemaNameProblem('my table') // 'may contain only letters, digits and _ …'
 */
export function schemaNameProblem(name: unknown): string | undefined {
  const problem = identifierProblem(name);
  if (problem) return problem;
  const text = name as string;
  if (!SCHEMA_NAME.test(text)) return 'may contain only letters, digits and _ in Cassandra (keyspace, table and index names)';
  if (text.length > MAX_CASSANDRA_NAME_LENGTH) return `is ${text.length} characters long; Cassandra allows ${MAX_CASSANDRA_NAME_LENGTH}`;
  return undefined;
}

/**
 * Validates and double-quotes a column name (quotes doubled, case kept).
 * @example quoteIdent('my "col"') // '"my ""col"""'
 */
export function quoteIdent(name: string, what = 'column'): string {
  refuse(identifierProblem(name), name, what);
  return `"${name.replace(/"/g, '""')}"`;
}

/**
 * Validates and double-quotes a keyspace, table or index name.
 * @example quoteName('users', 'table') // '"users"'
 */
export function quoteName(name: string, what: string): string {
  refuse(schemaNameProblem(name), name, what);
  return `"${name}"`;
}

/**
 * A keyspace-qualified, quoted table or index name.
 * @example qualify('app', 'users') // '"app"."users"'
 */
export function qualify(keyspace: string, name: string, what = 'table'): string {
  return `${quoteName(keyspace, 'keyspace')}.${quoteName(name, what)}`;
}

/**
 * A CQL string literal, for DDL options (which take no bind parameters): quotes doubled.
 * @example quoteLiteral("it's") // "'it''s'"
 */
export function quoteLiteral(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function refuse(problem: string | undefined, name: unknown, what: string): void {
  if (!problem) return;
  throw new ValidationError(`Cassandra ${what} name`, [{ code: 'invalid_identifier', path: what, message: `${JSON.stringify(String(name).slice(0, 80))} ${problem}` }]);
}
