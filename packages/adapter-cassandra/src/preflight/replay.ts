import type { Step, ValidationIssue } from '@ductape/core';
import { isCounter } from '../compile/counter-rules.js';
import { duplicateIndexIssue } from '../compile/duplicate-index.js';
import type { CassandraStatementStep } from '../compile/step.js';
import { type LiveTable, emptyTable } from './live-schema.js';
import { droppedTypeConflict } from './type-compat.js';

/**
 * The tables whose live schema preflight must read for `steps`: those a step adds a column or an
 * index to (the two things Cassandra refuses by what already exists). Empty: nothing to check.
 * @example tablesToCheck(steps) // ['events']
 */
export function tablesToCheck(steps: readonly Step[]): string[] {
  const tables = new Set<string>();
  for (const s of steps as readonly CassandraStatementStep[]) if (s.effect?.kind === 'addColumn' || s.effect?.kind === 'createIndex') tables.add(s.effect.table);
  return [...tables];
}

/**
 * Replays the steps' effects over the live tables (changed in place) and returns what Cassandra
 * would refuse at a step after earlier steps ran: a second storage-attached index on a column
 * that has one, and a column added back with a type incompatible with the one it was dropped
 * with. Stops at a step whose effect is unknown (raw CQL): what follows cannot be read. Pure.
 * @example replayEffects(steps, await readLiveTables(driver, ks, tablesToCheck(steps))) // [{ code: 'duplicate_index', … }]
 */
export function replayEffects(steps: readonly Step[], live: Map<string, LiveTable>): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const table = (name: string): LiveTable => {
    const t = live.get(name) ?? emptyTable(false);
    live.set(name, t);
    return t;
  };
  for (const s of steps as readonly CassandraStatementStep[]) {
    if (s.kind !== 'statement') continue;
    const e = s.effect;
    if (!e) {
      if (s.schemaChange) break; // raw CQL: its effect is not modelled
      continue;
    }
    const path = s.origin?.path ?? '?';
    switch (e.kind) {
      case 'createTable': {
        const kinds = new Map(e.columns.map((c) => [c.name, e.clustering?.includes(c.name) ? 'clustering' : e.key?.includes(c.name) ? 'partition_key' : 'regular']));
        live.set(e.table, { ...emptyTable(true), columns: new Map(e.columns.map((c) => [c.name, c.type])), kinds: e.key ? kinds : new Map() });
        break;
      }
      case 'dropTable':
        live.set(e.table, emptyTable(false));
        break;
      case 'addColumn': {
        const t = table(e.table);
        const was = t.dropped.get(e.column.name);
        if (was !== undefined && droppedTypeConflict(e.column.type, was)) {
          issues.push({
            code: 'dropped_column_type',
            path,
            message:
              `addField "${e.table}"."${e.column.name}" ${e.column.type}: a column "${e.column.name}" of type ${was} was dropped from "${e.table}" earlier, ` +
              `and Cassandra refuses to add it back with a type that cannot read the old values (system_schema.dropped_columns keeps it): ` +
              `add it as ${was}, or give the new column another name`,
          });
        }
        const rule = addColumnRule(e.table, t, e.column, e.static === true);
        if (rule) issues.push({ ...rule, path });
        t.columns.set(e.column.name, e.column.type);
        t.kinds.set(e.column.name, e.static === true ? 'static' : 'regular');
        break;
      }
      case 'dropColumn': {
        const t = table(e.table);
        t.kinds.delete(e.column);
        const type = t.columns.get(e.column);
        if (type !== undefined) t.dropped.set(e.column, type);
        t.columns.delete(e.column);
        break;
      }
      case 'renameColumn': {
        const t = table(e.table);
        const type = t.columns.get(e.from);
        t.columns.delete(e.from);
        if (type !== undefined) t.columns.set(e.to, type);
        for (const [i, ix] of t.indexes.entries()) if (ix.column === e.from) t.indexes[i] = { ...ix, column: e.to };
        break;
      }
      case 'createIndex': {
        const t = table(e.table);
        // The adapter's index takes the column's default target (plain, values() or full()):
        // only keys()/entries() of a map are another target on the same column.
        const twin = t.indexes.find((ix) => ix.sai && ix.column === e.column && ix.fn !== 'keys' && ix.fn !== 'entries' && ix.name !== e.index);
        if (twin) issues.push(duplicateIndexIssue(path, e.table, e.index, e.column, twin.name, twin.madeBy ? `made by ${twin.madeBy} of this migration` : 'in the database'));
        const type = t.columns.get(e.column);
        if (e.similarityFunction !== undefined && type !== undefined && !/^vector</.test(type)) {
          issues.push({
            code: 'vector_index_column',
            path,
            message: `createIndex "${e.index}" with similarityFunction on "${e.table}"."${e.column}": the column is ${type}, and a vector index needs a vector<float, n> column`,
          });
        }
        t.indexes.push({ name: e.index, column: e.column, sai: true, madeBy: path });
        break;
      }
      case 'other':
        break;
      case 'dropIndex':
        for (const t of live.values()) {
          const i = t.indexes.findIndex((ix) => ix.name === e.index);
          if (i >= 0) t.indexes.splice(i, 1);
        }
        break;
    }
  }
  return issues;
}

/**
 * What Cassandra refuses when a column is added to a live table: a counter beside regular
 * columns or a regular column beside counters (a counter table holds only keys and counters),
 * and a static column on a table without clustering columns. Undefined when the table's columns
 * are not known (kinds empty) or nothing is wrong.
 * @example addColumnRule('views', table, { name: 'note', type: 'text' }, false) // { code: 'counter_table', … }
 */
export function addColumnRule(name: string, t: LiveTable, column: { readonly name: string; readonly type: string }, isStatic: boolean): Omit<ValidationIssue, 'path'> | undefined {
  if (t.kinds.size === 0) return undefined;
  const regular = [...t.kinds].filter(([c, k]) => (k === 'regular' || k === 'static') && c !== column.name).map(([c]) => [c, t.columns.get(c) ?? ''] as const);
  const counter = regular.find(([, type]) => isCounter(type));
  const other = regular.find(([, type]) => !isCounter(type));
  if (isCounter(column.type) ? other : counter) {
    const [c, type] = (isCounter(column.type) ? other : counter) as readonly [string, string];
    return {
      code: 'counter_table',
      message: `addField "${name}"."${column.name}" ${column.type}: "${name}" has the ${type} column "${c}", and a Cassandra table with counters holds only its key columns and counters: keep the ${isCounter(column.type) ? 'counter' : 'column'} in a second table with the same key`,
    };
  }
  if (isStatic && ![...t.kinds.values()].includes('clustering')) {
    return {
      code: 'static_without_clustering',
      message: `addField "${name}"."${column.name}" static: "${name}" has no clustering columns, so every partition is one row and Cassandra refuses a static column`,
    };
  }
  return undefined;
}
