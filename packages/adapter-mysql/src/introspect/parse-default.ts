import type { DefaultValue } from '@ductape/core';
import { unquoteLiteral } from '../quote.js';

/** What parseDefault reads: COLUMN_DEFAULT and EXTRA of information_schema.COLUMNS. */
export interface DefaultInfo {
  /** COLUMN_DEFAULT as the server gives it (null when there is none). */
  readonly raw: string | null;
  /** EXTRA; MySQL marks expression defaults with DEFAULT_GENERATED. */
  readonly extra: string;
  /** MariaDB prints literals quoted and functions as SQL; MySQL prints literals bare. */
  readonly mariadb: boolean;
}

/**
 * A column's default as read: none (a nullable column's implicit NULL included), a value the model
 * can say (a literal, `{ $fn: 'now' }` with the column's own fractional digits, `{ $fn: 'uuid' }`),
 * or an expression, as SQL to write after DEFAULT.
 */
export type DefaultRead = { readonly kind: 'none' } | { readonly kind: 'value'; readonly value: DefaultValue } | { readonly kind: 'expression'; readonly sql: string };

/** The column the default belongs to: its COLUMN_TYPE (lower case) and the model type it reads as. */
export interface DefaultColumn {
  readonly columnType: string;
  readonly type: string;
}

const NOW = /^(current_timestamp|now|localtimestamp|localtime|curdate|current_date|curtime|current_time)(?:\((\d*)\))?$/i;
const UUID = /^uuid\(\)$/i;
const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;
const NUMERIC = /^(tinyint|smallint|mediumint|int|integer|bigint|float|double|real|decimal|numeric|year)\b/;

/**
 * The default of a column, the inverse of defaultSql.
 * @example parseDefault({ raw: "'it''s'", extra: '', mariadb: true }, { columnType: 'text', type: 'text' }) // { kind: 'value', value: "it's" }
 * @example parseDefault({ raw: 'current_timestamp(3)', extra: '', mariadb: true }, { columnType: 'datetime(3)', type: 'datetime' }) // { kind: 'value', value: { $fn: 'now' } }
 * @example parseDefault({ raw: "b'101'", extra: '', mariadb: true }, { columnType: 'bit(3)', type: 'native' }) // { kind: 'expression', sql: "b'101'" }
 */
export function parseDefault(info: DefaultInfo, column: DefaultColumn): DefaultRead {
  const raw = info.raw;
  if (raw === null || raw === undefined) return { kind: 'none' };
  let text = raw.trim();
  if (info.mariadb && text === 'NULL') return { kind: 'none' };
  if (!info.mariadb && !/DEFAULT_GENERATED/i.test(info.extra)) {
    // MySQL prints a literal default bare (a BIT default as b'…').
    return /^[bx]'[0-9a-f]*'$/i.test(text) && /^(bit|binary|varbinary)/.test(column.columnType) ? { kind: 'expression', sql: text } : value(typed(raw, column));
  }
  if (!info.mariadb) text = mysqlExpression(text);
  const fn = NOW.exec(text.replace(/^\((.*)\)$/s, '$1').trim());
  if (fn) return nowFits(fn, column) ? value({ $fn: 'now' }) : { kind: 'expression', sql: expressionSql(text) };
  if (UUID.test(text.replace(/^\((.*)\)$/s, '$1').trim())) {
    return /^(uuid|string|text)$/.test(column.type) || /^(char|varchar|uuid)\b/.test(column.columnType) ? value({ $fn: 'uuid' }) : { kind: 'expression', sql: expressionSql(text) };
  }
  if (text.startsWith("'")) {
    const lit = unquoteLiteral(text);
    if (lit.end === text.length) return value(typed(lit.value, column));
  }
  if (NUMBER.test(text)) return value(typed(text, column));
  return { kind: 'expression', sql: expressionSql(text) };
}

function value(v: DefaultValue): DefaultRead {
  return { kind: 'value', value: v };
}

/** `now` reads back only where compiling it gives the same function with the same digits. */
function nowFits(fn: RegExpExecArray, column: DefaultColumn): boolean {
  const name = (fn[1] as string).toLowerCase();
  const digits = Number(fn[2] || 0);
  const base = /^[a-z]+/.exec(column.columnType)?.[0] ?? '';
  const own = Number(/^[a-z]+\((\d)\)/.exec(column.columnType)?.[1] ?? 0);
  if (base === 'date') return name === 'curdate' || name === 'current_date';
  if (base === 'time') return (name === 'curtime' || name === 'current_time') && digits === own;
  if (base === 'datetime' || base === 'timestamp') return name !== 'curdate' && name !== 'current_date' && name !== 'curtime' && name !== 'current_time' && digits === own;
  return false;
}

/** An expression to write after DEFAULT: literals and one bracketed expression as they are, anything else in brackets (MySQL needs them). */
function expressionSql(text: string): string {
  if (/^[bx]'[0-9a-f]*'$/i.test(text) || NUMBER.test(text) || (text.startsWith("'") && text.endsWith("'"))) return text;
  if (text.startsWith('(') && closingOf(text) === text.length - 1) return text;
  return `(${text})`;
}

/** Where the bracket opening `text` closes (quotes skipped), or -1. */
function closingOf(text: string): number {
  let depth = 0;
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === "'" || ch === '`' || ch === '"') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return i;
  }
  return -1;
}

/** A literal's text as the field's type: numbers (exact ones), booleans, parsed JSON, else the text. */
function typed(text: string, column: DefaultColumn): DefaultValue {
  switch (column.type) {
    case 'boolean':
      return text === '1' || text === '0' ? text === '1' : numberOr(text);
    case 'json':
    case 'array':
      try {
        return JSON.parse(text) as DefaultValue;
      } catch {
        return text;
      }
    case 'native':
      return NUMERIC.test(column.columnType) ? numberOr(text) : text;
    default:
      return /^(integer|bigint|smallint|float|double|decimal)$/.test(column.type) ? numberOr(text) : text;
  }
}

/** The number a literal says, when a JavaScript number says it exactly (else the text). */
function numberOr(text: string): DefaultValue {
  if (!NUMBER.test(text)) return text;
  const n = Number(text);
  const digits = text
    .replace(/^-/, '')
    .replace(/[eE].*$/, '')
    .replace('.', '')
    .replace(/^0+/, '');
  return Number.isFinite(n) && digits.length <= 15 ? n : text;
}

/** MySQL 8 prints an expression default like `_utf8mb4\'text\'` or `uuid()`: strip the charset introducer and escaping. */
function mysqlExpression(text: string): string {
  const m = /^_[a-z0-9]+\\?'(.*?)\\?'$/is.exec(text);
  if (!m) return text;
  return `'${(m[1] ?? '').replace(/\\'/g, "''")}'`;
}
