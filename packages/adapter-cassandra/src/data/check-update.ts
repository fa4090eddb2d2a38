import { type CollectionSnapshot, type ResolvedExpression, type ResolvedUpdate, type ValidationIssue, ValidationError, updateTypeIssues } from '@ductape/core';
import { KEY_TYPES } from './row-values.js';
import type { TableColumns } from './table-columns.js';

/**
 * Everything Cassandra would refuse, or that would be silently wrong, checked before any row is
 * read or written: a table that does not exist, an unknown column, a value or operator that does
 * not fit the introspected column type (core's updateTypeIssues: `age: 'abc'`, `$ADD` on text, …),
 * a set of a primary key column (Cassandra cannot change a key: the row would have to move), a
 * set of a counter column, and key columns of a type the resume position cannot hold.
 * @example checkUpdate(update, snapshot, columns) // throws ValidationError 'primary_key_update'
 */
export function checkUpdate(update: ResolvedUpdate, snapshot: CollectionSnapshot | undefined, columns: TableColumns | undefined): asserts columns is TableColumns {
  const subject = `db.update of "${update.table}" on Cassandra (nothing was changed)`;
  if (!snapshot || !columns)
    throw new ValidationError(subject, [{ code: 'unknown_table', path: 'table', message: `the table "${update.table}" does not exist in this keyspace: create it first, or check the name` }]);
  const issues: ValidationIssue[] = [];
  const used = [...update.set.map((s) => ({ column: s.column, path: `data.${s.column}` })), ...update.where.map((c) => ({ column: c.column, path: `where.${c.column}` }))];
  for (const s of update.set) for (const c of columnsOf(s.value)) used.push({ column: c, path: `data.${s.column}` });
  for (const u of used) {
    if (!columns.byName.has(u.column)) issues.push({ code: 'unknown_column', path: u.path, message: `"${update.table}" has no column "${u.column}"` });
  }
  if (issues.length > 0) throw new ValidationError(subject, dedupe(issues));
  issues.push(...updateTypeIssues(update, snapshot));
  for (const s of update.set) {
    const col = columns.byName.get(s.column);
    if (col?.kind === 'partition_key' || col?.kind === 'clustering') {
      issues.push({
        code: 'primary_key_update',
        path: `data.${s.column}`,
        message: `"${s.column}" is part of the primary key of "${update.table}", and Cassandra cannot change a key column (a row with another key is another row): copy the rows into a table with the new key (insert the new rows, then delete the old ones), or keep the key and put the new value in a regular column`,
      });
    } else if (col?.type === 'counter') {
      issues.push({
        code: 'counter_update',
        path: `data.${s.column}`,
        message: `"${s.column}" is a Cassandra counter, which can only be incremented: run raw CQL \`UPDATE … SET "${s.column}" = "${s.column}" + n WHERE …\` instead`,
      });
    }
  }
  for (const k of [...columns.partitionKey, ...columns.clustering]) {
    if (!KEY_TYPES.has(k.type))
      issues.push({
        code: 'unsupported_key_type',
        path: k.name,
        message: `key column "${k.name}" is ${k.type}: db.update on Cassandra walks tables whose key columns are scalar types (text, numbers, uuid, timestamp, date, time, inet, blob); use raw CQL for this table`,
      });
  }
  if (issues.length > 0) throw new ValidationError(subject, issues);
}

/**
 * The columns an expression reads.
 * @example columnsOf({ kind: 'call', op: '$CONCAT', args: [{ kind: 'column', name: 'a' }] }) // ['a']
 */
export function columnsOf(e: ResolvedExpression): string[] {
  return e.kind === 'column' ? [e.name] : e.kind === 'call' ? e.args.flatMap(columnsOf) : [];
}

function dedupe(issues: ValidationIssue[]): ValidationIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => !seen.has(`${i.path}|${i.message}`) && seen.add(`${i.path}|${i.message}`));
}
