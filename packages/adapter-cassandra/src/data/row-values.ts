import { numeric } from '@ductape/core';
import { types } from 'cassandra-driver';
import { decimalText, decimalValue, inetText } from './exact-text.js';

const WHOLE = new Set(['bigint', 'counter', 'varint']);
const TEXT_FORM = new Set(['uuid', 'timeuuid', 'date', 'time']);

/** Key column types whose values survive the progress row's JSON (resume position, pending rows). */
export const KEY_TYPES = new Set([
  'ascii',
  'text',
  'varchar',
  'int',
  'smallint',
  'tinyint',
  'bigint',
  'varint',
  'float',
  'double',
  'decimal',
  'boolean',
  'uuid',
  'timeuuid',
  'timestamp',
  'date',
  'time',
  'inet',
  'blob',
]);

/**
 * A value read by the driver as a plain value for core's evaluator: bigint/counter/varint as a
 * number (a bigint past 2^53), decimal as its text (with its scale: decimalText),
 * uuid/timeuuid/date/time/inet as their text (an address as inetText prints it), timestamps stay
 * Dates, blobs Buffers; null stays null. Other types (collections, UDTs) unchanged. Every key
 * value's plain form reads back (driverValue) as the same bytes.
 * @example plainValue('bigint', types.Long.fromString('42')) // 42
 */
export function plainValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  if (type === 'decimal') return v instanceof types.BigDecimal ? decimalText(v) : String(v);
  if (WHOLE.has(type)) return numeric(String(v)) ?? String(v);
  if (type === 'inet') return v instanceof types.InetAddress ? inetText(v) : String(v);
  if (TEXT_FORM.has(type)) return String(v);
  return v;
}

/**
 * A plain value (computed, or read back from the progress row) as the driver's value for a
 * column of `type`. Text for a timestamp column is parsed as ISO 8601.
 * @example driverValue('bigint', 9007199254740993n) // Long 9007199254740993
 */
export function driverValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'bigint':
    case 'counter':
      return types.Long.fromString(String(v));
    case 'varint':
      return types.Integer.fromString(String(v));
    case 'decimal':
      return v instanceof types.BigDecimal ? v : decimalValue(String(v));
    case 'int':
    case 'smallint':
    case 'tinyint':
    case 'float':
    case 'double':
      return Number(v);
    case 'uuid':
      return typeof v === 'string' ? types.Uuid.fromString(v) : v;
    case 'timeuuid':
      return typeof v === 'string' ? types.TimeUuid.fromString(v) : v;
    case 'timestamp':
      return v instanceof Date ? v : new Date(typeof v === 'string' ? v.replace(' ', 'T') : Number(v));
    case 'date':
      return typeof v === 'string' ? types.LocalDate.fromString(v) : v;
    case 'time':
      return typeof v === 'string' ? types.LocalTime.fromString(v) : v;
    case 'inet':
      return typeof v === 'string' ? types.InetAddress.fromString(v) : v;
    default:
      return v;
  }
}

/**
 * A literal of `where` in the form plainValue gives the column (so they compare): a timestamp's
 * ISO text as a Date, a uuid lower-cased, a time as the driver prints it, an address as inetText does.
 * @example whereValue('timestamp', '2024-01-15T14:30:00Z') // Date
 */
export function whereValue(type: string, v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'string') return v;
  if (type === 'timestamp') return new Date(v.replace(' ', 'T'));
  if (type === 'uuid' || type === 'timeuuid') return v.toLowerCase();
  if (type === 'time') return types.LocalTime.fromString(v).toString();
  if (type === 'inet') return inetLiteral(v);
  return v;
}

/** An address literal as inetText prints it; text that is no address stays as written (it matches nothing). */
function inetLiteral(v: string): string {
  try {
    return inetText(types.InetAddress.fromString(v));
  } catch {
    return v;
  }
}

/**
 * Plain values as JSON that keeps their kind (bigint, Date, Buffer), for the progress row.
 * @example decodeValues(encodeValues([1n, new Date(0)])) // [1n, Date(0)]
 */
export function encodeValues(values: readonly unknown[]): string {
  return JSON.stringify(values.map(tag));
}

/** The inverse of encodeValues. */
export function decodeValues(text: string): unknown[] {
  return (JSON.parse(text) as unknown[]).map(untag);
}

function tag(v: unknown): unknown {
  if (typeof v === 'bigint') return { $n: String(v) };
  if (v instanceof Date) return { $d: v.toISOString() };
  if (Buffer.isBuffer(v)) return { $b: v.toString('hex') };
  if (v === undefined) return null;
  return v;
}

function untag(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  const o = v as { $n?: string; $d?: string; $b?: string };
  if (typeof o.$n === 'string') return BigInt(o.$n);
  if (typeof o.$d === 'string') return new Date(o.$d);
  if (typeof o.$b === 'string') return Buffer.from(o.$b, 'hex');
  return v;
}
