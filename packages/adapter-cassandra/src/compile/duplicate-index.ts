import type { ValidationIssue } from '@ductape/core';

/**
 * The issue of creating index `index` on `table`.`column` when `existing` already covers that
 * column: Cassandra allows one storage-attached index per column and refuses the second at its
 * step, after the earlier steps ran.
 * @example duplicateIndexIssue('up[2]', 'events', 'events_ix_912', 'amount', 'events_ix', 'earlier in this migration')
 */
export function duplicateIndexIssue(path: string, table: string, index: string, column: string, existing: string, where: string): ValidationIssue {
  return {
    code: 'duplicate_index',
    path,
    message:
      `createIndex "${index}" on "${table}" ("${column}"): the storage-attached index "${existing}" (${where}) already covers that column, ` +
      `and Cassandra allows one per column (it would refuse "${index}" at its step, after the earlier steps ran): ` +
      `use "${existing}", or drop it first (dropIndex('${table}', '${existing}')) and then create "${index}"`,
  };
}
