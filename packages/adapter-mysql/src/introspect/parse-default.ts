import type { DefaultValue, FieldOptions } from '@ductape/core';
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

const NOW = /^(current_timestamp|now|localtimestamp|localtime|curdate|current_date|curtime|current_time)(\(\d*\))?$/i;
const UUID = /^uuid\(\)$/i;

/**
 * The portable default of a column, the inverse of defaultSql. undefined when it has none
 * (a nullable column's implicit NULL included).
 * @example parseDefault({ raw: "'it''s'", extra: '', mariadb: true }, { type: 'text' }) // "it's"
 * @example parseDefault({ raw: 'current_timestamp(3)', extra: '', mariadb: true }, { type: 'datetime' }) // { $fn: 'now' }
 */
export function parseDefault(info: DefaultInfo, field: Pick<FieldOptions, 'type'>): DefaultValue | undefined {
  const raw = info.raw;
  if (raw === null || raw === undefined) return undefined;
  let text = raw.trim();
  if (info.mariadb && text.toUpperCase() === 'NULL') return undefined;
  if (!info.mariadb && /DEFAULT_GENERATED/i.test(info.extra)) text = mysqlExpression(text);
  else if (!info.mariadb) return typed(raw, field); // MySQL prints a literal default bare
  if (text.startsWith('(') && text.endsWith(')')) text = text.slice(1, -1).trim();
  if (NOW.test(text)) return { $fn: 'now' };
  if (UUID.test(text)) return { $fn: 'uuid' };
  if (text.startsWith("'")) return typed(unquoteLiteral(text).value, field);
  return typed(text, field);
}

/** A literal's text as the field's type: numbers, booleans, parsed JSON, else the text. */
function typed(text: string, field: Pick<FieldOptions, 'type'>): DefaultValue {
  switch (field.type) {
    case 'boolean':
      return text === '1' || text.toLowerCase() === 'true';
    case 'integer':
    case 'bigint':
    case 'smallint':
    case 'float':
    case 'double':
    case 'decimal': {
      const n = Number(text);
      return Number.isFinite(n) ? n : text;
    }
    case 'json':
    case 'array':
      try {
        return JSON.parse(text) as DefaultValue;
      } catch {
        return text;
      }
    default:
      return text;
  }
}

/** MySQL 8 prints an expression default like `_utf8mb4\'text\'` or `uuid()`: strip the charset introducer and escaping. */
function mysqlExpression(text: string): string {
  const m = /^_[a-z0-9]+\\?'(.*?)\\?'$/is.exec(text);
  if (!m) return text;
  return `'${(m[1] ?? '').replace(/\\'/g, "''")}'`;
}
