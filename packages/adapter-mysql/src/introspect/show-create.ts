import { quoteIdent, unquoteLiteral } from '../quote.js';
import { parseEnumValues } from './parse-type.js';

/**
 * The column's line of SHOW CREATE TABLE. information_schema is utf8mb3 on MariaDB and MySQL, so
 * a default or enum value with a 4-byte character (an emoji) reads back as `?` there; this text
 * has it intact.
 * @example columnLine(createTableText, 'note') // '`note` text DEFAULT \'🚀\''
 */
export function columnLine(createTable: string, column: string): string | undefined {
  const head = `${quoteIdent(column, 'field')} `;
  return createTable
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l.startsWith(head));
}

/** The quoted DEFAULT literal of a column line, raw (still quoted), or undefined. */
export function defaultLiteral(line: string): string | undefined {
  const at = line.indexOf(" DEFAULT '");
  if (at < 0) return undefined;
  const start = at + ' DEFAULT '.length;
  const { end } = unquoteLiteral(line, start);
  return line.slice(start, end);
}

/** The enum values of a column line, or undefined when it is not an enum. */
export function enumValuesOf(line: string, column: string): string[] | undefined {
  const rest = line.slice(quoteIdent(column, 'field').length + 1);
  return /^enum\(/i.test(rest) ? parseEnumValues(rest) : undefined;
}
