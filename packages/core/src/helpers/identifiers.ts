/** Longest identifier core accepts; adapters enforce their own, smaller limits. */
export const MAX_IDENTIFIER_LENGTH = 128;

// Control characters cannot be quoted safely in every dialect, so core rejects them everywhere.
const CONTROL = /[\u0000-\u001f\u007f]/;

/**
 * Why `name` is not a usable identifier (table, field, index, constraint), or undefined when it is.
 * Quotes, spaces, unicode and reserved words are allowed: adapters quote every identifier.
 * @example identifierProblem('') // 'must not be empty'
 */
export function identifierProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return `must be a string, got ${name === null ? 'null' : typeof name}`;
  if (name.length === 0) return 'must not be empty';
  if (name.trim() !== name) return 'must not start or end with whitespace';
  if (name.length > MAX_IDENTIFIER_LENGTH) return `is ${name.length} characters long; the limit is ${MAX_IDENTIFIER_LENGTH}`;
  if (CONTROL.test(name)) return 'must not contain control characters';
  return undefined;
}

const MIGRATION_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
/** Longest migration name; the tag adds 16 characters and must fit history columns and file names. */
export const MAX_MIGRATION_NAME_LENGTH = 200;

/**
 * Why `name` is not a usable migration name, or undefined. Names become file names and tags:
 * letters, digits, `_` and `-`, starting with a letter or digit.
 * @example migrationNameProblem('create users') // 'may contain only letters, digits, _ and - …'
 */
export function migrationNameProblem(name: unknown): string | undefined {
  if (typeof name !== 'string') return `must be a string, got ${name === null ? 'null' : typeof name}`;
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_MIGRATION_NAME_LENGTH) return `is ${name.length} characters long; the limit is ${MAX_MIGRATION_NAME_LENGTH}`;
  if (!MIGRATION_NAME.test(name)) return 'may contain only letters, digits, _ and -, and must start with a letter or digit (e.g. "add_phone_to_users")';
  return undefined;
}
