import { InvalidArgumentError, ValidationError, identifierProblem } from '@ductape/core';

/** MySQL and MariaDB refuse identifiers longer than this many characters. */
export const MAX_MYSQL_IDENTIFIER_LENGTH = 64;

/**
 * Why `name` cannot be a MySQL/MariaDB identifier, or undefined when it can (quotes, spaces,
 * unicode and reserved words are fine: every identifier is quoted with backticks).
 * @example mysqlIdentifierProblem('x'.repeat(70)) // 'is 70 characters long; MySQL and MariaDB allow 64'
 */
export function mysqlIdentifierProblem(name: unknown): string | undefined {
  const problem = identifierProblem(name);
  if (problem) return problem;
  const chars = [...(name as string)];
  if (chars.length > MAX_MYSQL_IDENTIFIER_LENGTH) return `is ${chars.length} characters long; MySQL and MariaDB allow ${MAX_MYSQL_IDENTIFIER_LENGTH}`;
  // Identifiers are limited to the Basic Multilingual Plane (no emoji or other 4-byte UTF-8).
  if (chars.some((c) => (c.codePointAt(0) ?? 0) > 0xffff)) return 'holds a character outside the Basic Multilingual Plane (e.g. an emoji), which MySQL and MariaDB identifiers cannot';
  return undefined;
}

/**
 * Validates and backtick-quotes an identifier, doubling embedded backticks.
 * @example quoteIdent('my `table`') // '`my ``table```'
 */
export function quoteIdent(name: string, what = 'identifier'): string {
  const problem = mysqlIdentifierProblem(name);
  if (problem) throw new ValidationError(`MySQL ${what}`, [{ code: 'invalid_identifier', path: what, message: `${JSON.stringify(String(name).slice(0, 80))} ${problem}` }]);
  return `\`${name.replace(/`/g, '``')}\``;
}

/**
 * A SQL string literal for places DDL takes no parameters (DEFAULT, ENUM, COMMENT). Quotes are
 * doubled and backslashes escaped; the adapter's sessions run without NO_BACKSLASH_ESCAPES.
 * @example quoteLiteral("it's \\ ok") // "'it''s \\\\ ok'"
 */
export function quoteLiteral(value: string): string {
  if (value.includes('\u0000')) throw new ValidationError('MySQL literal', [{ code: 'invalid_literal', path: 'default', message: 'text cannot contain the NUL character' }]);
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The inverse of MySQL's quoting of a string literal as the server prints it (information_schema,
 * SHOW CREATE TABLE): `''` and backslash escapes. Returns the text and where the literal ended.
 * @example unquoteLiteral("'it''s'") // { value: "it's", end: 7 }
 */
export function unquoteLiteral(text: string, start = 0): { value: string; end: number } {
  if (text[start] !== "'") throw new InvalidArgumentError(`the text at offset ${start}`, 'a quoted literal (starting with a single quote)', text.slice(start, start + 20));
  let out = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === '\\' && i + 1 < text.length) {
      const next = text[i + 1] as string;
      out += ESCAPES[next] ?? next;
      i += 2;
    } else if (c === "'") {
      if (text[i + 1] === "'") {
        out += "'";
        i += 2;
      } else return { value: out, end: i + 1 };
    } else {
      out += c;
      i++;
    }
  }
  throw new InvalidArgumentError(`the literal at offset ${start}`, 'terminated (closed by a single quote)', text.slice(start, start + 20));
}

const ESCAPES: { readonly [c: string]: string } = { n: '\n', t: '\t', r: '\r', '0': '\u0000', Z: '\u001a', b: '\b' };
