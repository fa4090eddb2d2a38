import { ValidationError, type SqlOptions } from '@ductape/core';
import { quoteLiteral } from '../quote.js';

const WORD = /^[A-Za-z0-9_]+$/;

/**
 * The table options after `CREATE TABLE (…)`: ENGINE, DEFAULT CHARSET, COLLATE, COMMENT.
 * `unlogged` is PostgreSQL's and is ignored here.
 * @example tableOptions({ engine: 'InnoDB', charset: 'utf8mb4' }) // ' ENGINE=InnoDB DEFAULT CHARSET=utf8mb4'
 */
export function tableOptions(o: SqlOptions | undefined): string {
  if (!o) return '';
  const parts: string[] = [];
  if (o.engine !== undefined) parts.push(`ENGINE=${word(o.engine, 'engine')}`);
  if (o.charset !== undefined) parts.push(`DEFAULT CHARSET=${word(o.charset, 'charset')}`);
  if (o.collation !== undefined) parts.push(`COLLATE=${word(o.collation, 'collation')}`);
  if (o.comment !== undefined) parts.push(`COMMENT=${quoteLiteral(String(o.comment))}`);
  return parts.length === 0 ? '' : ` ${parts.join(' ')}`;
}

function word(value: unknown, what: string): string {
  if (typeof value !== 'string' || !WORD.test(value)) {
    throw new ValidationError('MySQL table options', [
      { code: 'invalid_option', path: `sqlOptions.${what}`, message: `${what} must be a name of letters, digits and _, got ${JSON.stringify(value)}` },
    ]);
  }
  return value;
}
