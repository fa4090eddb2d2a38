import { type CollectionSnapshot, type ResolvedExpression, type ResolvedUpdate, ValidationError } from '@ductape/core';
import type { UpdatePlan } from './compile-update-batch.js';
import { keyColumns } from './key-columns.js';

/**
 * What the batches of one update are compiled from: the introspected columns, the key columns'
 * forms, and the assignments ordered for MySQL. A single-table UPDATE assigns left to right and
 * later expressions see earlier results, where PostgreSQL reads every expression from the row as
 * it was; so an assignment that reads a column comes before the one that changes it. Assignments
 * that read each other (a swap) have no such order and are refused before any IO.
 * @example planUpdate(resolved, snapshot).set.map((s) => s.column)
 */
export function planUpdate(update: ResolvedUpdate, table: CollectionSnapshot): UpdatePlan {
  const fields = new Map(table.fields.map((f) => [f.name, f]));
  const key = keyColumns(update.table, update.key, fields);
  const pending = [...update.set];
  const set: ResolvedUpdate['set'][number][] = [];
  while (pending.length > 0) {
    // Next: one whose column no other pending assignment still reads.
    const i = pending.findIndex((s) => !pending.some((o) => o !== s && reads(o.value).has(s.column)));
    if (i < 0) {
      const columns = pending.map((s) => `"${s.column}"`).join(', ');
      throw new ValidationError(`update of "${update.table}"`, [
        {
          code: 'assignment_cycle',
          path: 'data',
          message: `${columns} are each set from another of them; MySQL and MariaDB assign one after the other, so the result would depend on the order: split it into two db.update calls through a new column`,
        },
      ]);
    }
    set.push(pending.splice(i, 1)[0] as ResolvedUpdate['set'][number]);
  }
  return { update, fields, key, set };
}

function reads(e: ResolvedExpression, into = new Set<string>()): Set<string> {
  if (e.kind === 'column') into.add(e.name);
  if (e.kind === 'call') for (const a of e.args) reads(a, into);
  return into;
}
