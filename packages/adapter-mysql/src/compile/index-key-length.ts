import type { IndexDefinition } from '@ductape/core';
import type { MysqlCompileSettings } from '../mysql-compile-settings.js';

/** How one column takes part in an index key. */
export interface KeyColumn {
  /**
   * 'string' (CHAR/VARCHAR: size in characters), 'binary' (BINARY/VARBINARY: size in bytes),
   * 'text' / 'blob' (TEXT, BLOB, MariaDB's JSON: only a prefix can be indexed), 'json' (MySQL's
   * JSON: cannot be indexed at all), 'fixed' (numbers, dates, UUID…: `size` bytes, no prefix).
   */
  readonly kind: 'string' | 'binary' | 'text' | 'blob' | 'json' | 'fixed';
  readonly size?: number;
  /** Bytes a character takes in the column's character set (string and text). */
  readonly bytesPerChar?: number;
  /** The type as SQL, for messages: 'TEXT', 'VARCHAR(1000)'. */
  readonly sqlType: string;
}

/** The longest key InnoDB builds: per column and for the whole key, in bytes. */
export interface KeyLimits {
  readonly perColumn: number;
  readonly total: number;
  /** For messages, e.g. 'ROW_FORMAT=DYNAMIC'. */
  readonly rowFormat: string;
}

/** DYNAMIC and COMPRESSED row formats (the default of MySQL 5.7+ and MariaDB 10.2+). */
export const DYNAMIC_LIMITS: KeyLimits = Object.freeze({ perColumn: 3072, total: 3072, rowFormat: 'ROW_FORMAT=DYNAMIC' });
/** COMPACT and REDUNDANT row formats: 767 bytes a column. */
export const COMPACT_LIMITS: KeyLimits = Object.freeze({ perColumn: 767, total: 3072, rowFormat: 'ROW_FORMAT=COMPACT' });

/** Why an index cannot be built as written, naming the column to change. */
export interface KeyProblem {
  readonly column: string;
  readonly reason: string;
  /** A prefix length that makes the key fit, when a prefix can fix it. */
  readonly suggestedLength?: number;
}

/** What of an index the check reads. */
export type KeyIndex = Pick<IndexDefinition, 'fields' | 'unique' | 'using'>;

/**
 * Why InnoDB would refuse this index (errors 1071, 1089, 1170, 3152) or silently build another one
 * (MariaDB shortens a one-column key that is too long to a prefix, and ignores a prefix on a
 * number), or undefined when it fits. Columns `columnOf` does not know are skipped, so a check at
 * compile time covers what the migration itself defines and the executor checks the rest.
 * FULLTEXT and SPATIAL indexes have no such limit; a MariaDB unique index that is too long
 * becomes a hash index (its "long unique" keys), so only its prefixes are checked.
 * @example indexKeyProblem({ fields: [{ name: 'title' }, { name: 'body' }] }, cols.get, MYSQL_DIALECT, DYNAMIC_LIMITS)
 * // { column: 'body', reason: 'TEXT needs a prefix length …', suggestedLength: 513 }
 */
export function indexKeyProblem(index: KeyIndex, columnOf: (name: string) => KeyColumn | undefined, dialect: MysqlCompileSettings, limits: KeyLimits): KeyProblem | undefined {
  const using = index.using?.toLowerCase();
  if (using === 'fulltext' || using === 'spatial') return undefined;
  const longUnique = dialect.flavor === 'mariadb' && index.unique === true;
  const parts: { column: string; col: KeyColumn; bytes: number }[] = [];
  for (const f of index.fields) {
    const col = columnOf(f.name);
    if (!col) continue;
    const bpc = col.kind === 'string' || col.kind === 'text' ? (col.bytesPerChar ?? 4) : 1;
    const unit = bpc === 1 ? 'bytes' : 'characters';
    if (col.kind === 'json') return { column: f.name, reason: `MySQL cannot index a JSON column (${col.sqlType}); index a generated column that extracts the value (raw SQL)` };
    if (f.length !== undefined) {
      if (col.kind === 'fixed') return { column: f.name, reason: `a prefix length applies only to string, text and binary columns, not to ${col.sqlType}; remove \`length\`` };
      if (col.size !== undefined && f.length > col.size)
        return { column: f.name, reason: `the prefix length ${f.length} is longer than the column (${col.sqlType}); use at most ${col.size} or remove \`length\``, suggestedLength: col.size };
    } else if (col.kind === 'text' || col.kind === 'blob') {
      if (longUnique) continue;
      return {
        column: f.name,
        reason: `${col.sqlType} can only be indexed by a prefix of it`,
        suggestedLength: fit(limits.perColumn, limits.total - sum(parts) - restBytes(index, columnOf, f.name), bpc),
      };
    }
    const bytes = (f.length ?? col.size ?? 0) * bpc;
    if (bytes > limits.perColumn && !longUnique) {
      return {
        column: f.name,
        reason: `its key is ${bytes} bytes (${f.length ?? col.size} ${unit} × ${bpc}), over the ${limits.perColumn} bytes InnoDB indexes of a column (${limits.rowFormat})`,
        suggestedLength: fit(limits.perColumn, limits.total - sum(parts) - restBytes(index, columnOf, f.name), bpc),
      };
    }
    parts.push({ column: f.name, col, bytes });
  }
  const total = sum(parts);
  if (total <= limits.total || longUnique) return undefined;
  const widest = [...parts].filter((p) => p.col.kind !== 'fixed').sort((a, b) => b.bytes - a.bytes)[0] ?? parts[0];
  if (!widest) return undefined;
  const bpc = widest.col.kind === 'string' || widest.col.kind === 'text' ? (widest.col.bytesPerChar ?? 4) : 1;
  const others = total - widest.bytes;
  const detail = parts.map((p) => `${p.column} ${p.bytes}`).join(' + ');
  return {
    column: widest.column,
    reason: `the key is ${total} bytes (${detail}), over the ${limits.total} bytes of an InnoDB index key`,
    ...(widest.col.kind === 'fixed' ? {} : { suggestedLength: fit(limits.perColumn, limits.total - others, bpc) }),
  };
}

/**
 * Bytes a character takes in a MySQL character set (utf8mb4 when unknown: MySQL 8's default and
 * the widest there is).
 * @example bytesPerChar('latin1') // 1
 */
export function bytesPerChar(charset: string | undefined): number {
  const c = charset?.toLowerCase();
  if (c === undefined) return 4;
  if (c === 'latin1' || c === 'ascii' || c === 'binary' || c === 'latin2' || c === 'cp1250' || c === 'cp1251' || c === 'cp1252') return 1;
  if (c === 'ucs2' || c === 'gbk' || c === 'big5' || c === 'sjis' || c === 'cp932') return 2;
  if (c === 'utf8' || c === 'utf8mb3' || c === 'ujis' || c === 'eucjpms') return 3;
  return 4;
}

function sum(parts: readonly { bytes: number }[]): number {
  return parts.reduce((n, p) => n + p.bytes, 0);
}

/** Bytes of the known, non-prefixable-free columns after `name` (so a suggestion leaves room for them). */
function restBytes(index: KeyIndex, columnOf: (name: string) => KeyColumn | undefined, name: string): number {
  const at = index.fields.findIndex((f) => f.name === name);
  let n = 0;
  for (const f of index.fields.slice(at + 1)) {
    const col = columnOf(f.name);
    if (!col || col.kind === 'json' || ((col.kind === 'text' || col.kind === 'blob') && f.length === undefined)) continue;
    const bpc = col.kind === 'string' || col.kind === 'text' ? (col.bytesPerChar ?? 4) : 1;
    n += Math.min((f.length ?? col.size ?? 0) * bpc, 3072);
  }
  return n;
}

/** The longest prefix (in characters, or bytes) that fits both limits, at least 1. */
function fit(perColumn: number, room: number, bpc: number): number {
  return Math.max(1, Math.floor(Math.min(perColumn, room) / bpc));
}
