import type { HistoryEntry, HistoryRow, Migration } from '@ductape/core';

type Attr = { S?: string; N?: string; NULL?: boolean };
export type HistoryItem = { readonly [attribute: string]: Attr };

/** Key attribute values of the history table that are not migrations (names start with `_`, which migration names cannot). */
export const LOCK_ITEM = '_lock';
export const SEQUENCE_ITEM = '_sequence';

/**
 * The attributes of a history entry (without its key and sequence), as DynamoDB AttributeValues.
 * The migration is stored as a JSON string.
 * @example toAttributes(entry).status // { S: 'applied' }
 */
export function toAttributes(e: HistoryEntry): HistoryItem {
  return {
    tag: { S: e.tag },
    checksum: { S: e.checksum },
    status: { S: e.status },
    direction: { S: e.direction },
    appliedAt: e.appliedAt ? { S: e.appliedAt.toISOString() } : { NULL: true },
    startedAt: { S: e.startedAt.toISOString() },
    executionMs: { N: String(e.executionMs) },
    stepsApplied: { N: String(e.stepsApplied) },
    stepsTotal: { N: String(e.stepsTotal) },
    error: e.error === null ? { NULL: true } : { S: e.error },
    appliedBy: { S: e.appliedBy },
    migration: { S: JSON.stringify(e.migration) },
  };
}

/** The attributes a history row is read from without its migration (and `seq`, for the order). */
export const ROW_ATTRIBUTES = ['name', 'seq', 'tag', 'checksum', 'status', 'direction', 'appliedAt', 'startedAt', 'executionMs', 'stepsApplied', 'stepsTotal', 'error', 'appliedBy'] as const;

/**
 * A history entry from a stored item.
 * @example fromItem(item).migration.name
 */
export function fromItem(item: HistoryItem): HistoryEntry {
  return { ...rowFromItem(item), migration: JSON.parse(item.migration?.S ?? '') as Migration };
}

/**
 * A history row (no migration) from a stored item, or from one read with ROW_ATTRIBUTES only.
 * @example rowFromItem(item).status // 'applied'
 */
export function rowFromItem(item: HistoryItem): HistoryRow {
  const s = (k: string) => item[k]?.S ?? '';
  const n = (k: string) => Number(item[k]?.N ?? 0);
  return {
    name: s('name'),
    tag: s('tag'),
    checksum: s('checksum'),
    status: s('status') as HistoryEntry['status'],
    direction: s('direction') as HistoryEntry['direction'],
    appliedAt: item.appliedAt?.S ? new Date(item.appliedAt.S) : null,
    startedAt: new Date(s('startedAt')),
    executionMs: n('executionMs'),
    stepsApplied: n('stepsApplied'),
    stepsTotal: n('stepsTotal'),
    error: item.error?.S ?? null,
    appliedBy: s('appliedBy'),
  };
}
