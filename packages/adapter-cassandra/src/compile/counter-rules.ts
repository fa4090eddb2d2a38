import type { FieldDefinition } from '@ductape/core';
import { refuse } from './refuse.js';

/**
 * True when a CQL type text is `counter`.
 * @example isCounter(' COUNTER ') // true
 */
export function isCounter(cql: string): boolean {
  return /^\s*counter\s*$/i.test(cql);
}

/**
 * Cassandra's rule for a table with a counter column, checked before any IO: every column that
 * is not in the primary key is a counter (a counter table holds only keys and counters), no key
 * column is a counter, no default TTL (counters cannot expire).
 * @example checkCounterTable('page_views', [{ name: 'page', type: 'text', cql: 'text', key: true }, { name: 'views', type: 'native', cql: 'counter', key: false }], undefined)
 */
export function checkCounterTable(table: string, columns: readonly { readonly name: string; readonly cql: string; readonly key: boolean }[], defaultTTL: number | null | undefined): void {
  const counters = columns.filter((c) => isCounter(c.cql));
  if (counters.length === 0) return;
  const keyCounter = counters.find((c) => c.key);
  if (keyCounter) refuse(`counter key column "${table}.${keyCounter.name}"`, 'a counter cannot be part of a primary key; key the table by the columns you count by');
  const other = columns.find((c) => !c.key && !isCounter(c.cql));
  if (other) {
    refuse(
      `"${table}.${other.name}" (${other.cql}) in the counter table "${table}"`,
      `a table with a counter column ("${(counters[0] as { name: string }).name}") holds only its key columns and counters: keep other columns in a second table with the same key`,
    );
  }
  if (defaultTTL !== undefined && defaultTTL !== null && defaultTTL > 0) refuse(`defaultTTL on the counter table "${table}"`, 'Cassandra cannot expire counters (default_time_to_live must be 0)');
}

/**
 * A counter field must not carry a default (Cassandra counters start at 0 and only change by
 * increments), nor be static outside a counter table (the table rule covers that).
 * @example checkCounterField({ name: 'views', type: 'native', native: 'counter', default: 1 }, 'pages') // throws
 */
export function checkCounterField(field: FieldDefinition, cql: string, table: string): void {
  if (!isCounter(cql)) return;
  if (field.default !== undefined && field.default !== null) refuse(`a default on the counter "${table}.${field.name}"`, 'counters start at 0 and change only by UPDATE … SET c = c + n');
}
