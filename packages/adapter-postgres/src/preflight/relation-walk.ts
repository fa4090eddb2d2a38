import { InvalidArgumentError, type Step, type ValidationIssue } from '@ductape/core';
import type { RelationChange } from '../compile/relation-changes.js';
import type { PostgresStatementStep } from '../compile/step.js';
import type { LiveRelation } from './live-relation.js';

/** A relation name taken at some point of the walk. */
interface Entry {
  readonly kind: string;
  /** Names whose drop takes this one with it: an index's table, a sequence's table, a partition's parent. */
  owners: string[];
  table: string | undefined;
  /** undefined: not known (a partial index of this migration), so a dropped column makes it uncertain. */
  columns: string[] | undefined;
  readonly constraint: boolean;
  readonly key: string | undefined;
  readonly valid: boolean;
  /** How this migration gave it the name, e.g. 'created by up[1] of this migration' (undefined: live under it). */
  readonly origin: string | undefined;
  /** Perhaps gone (a view after DROP … CASCADE): never a reason to refuse. */
  uncertain: boolean;
}

/**
 * Every relation name the steps create or rename something to, and the names they rename from:
 * the names preflight reads from the catalog.
 * @example relationNamesOf(steps) // ['b', 'x_uq']
 */
export function relationNamesOf(steps: readonly Step[]): string[] {
  const names = new Set<string>();
  for (const c of steps.flatMap(changesOf)) {
    if (c.do === 'create') names.add(c.name);
    if (c.do === 'createTable') [c.name, ...c.keys.map((k) => k.name)].forEach((n) => names.add(n));
    if (c.do === 'renameTable' || c.do === 'renameKey') names.add(c.from).add(c.to);
  }
  return [...names].sort();
}

/**
 * Walks the steps in order over the live relations (`live`: those of relationNamesOf) and returns
 * an issue 'relation_exists' for each step that would create, or rename something to, a relation
 * name taken at that point (PostgreSQL fails such a step with `relation "…" already exists`).
 * Names freed earlier in the migration are free; an unnamed inline primary key is never an issue
 * (PostgreSQL picks another name); after a raw step nothing is checked. Pure.
 * @example relationConflicts(steps, [{ name: 'x_uq', kind: 'i', table: 'a', columns: ['x'], key: undefined, valid: true, parent: undefined }], 'public')
 * // [{ code: 'relation_exists', path: 'up[1]', message: 'cannot create unique constraint "x_uq" on table "b": …' }]
 */
export function relationConflicts(steps: readonly Step[], live: readonly LiveRelation[], schema: string): ValidationIssue[] {
  const state = new Map<string, Entry>();
  for (const r of live) state.set(r.name, fromLive(r));
  const issues: ValidationIssue[] = [];
  /** Frees `name` (whether or not it was read: a dropped table's name need not be) and what goes with it. */
  const remove = (name: string): void => {
    state.delete(name);
    for (const [other, e] of [...state]) if (e.owners.includes(name) && state.has(other)) remove(other);
  };
  /** The tables whose columns are `table`'s: itself and its partitions. */
  const family = (table: string): Set<string> => {
    const out = new Set([table]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [name, e] of state) if (isTable(e.kind) && !out.has(name) && e.owners.some((o) => out.has(o))) grew = Boolean(out.add(name));
    }
    return out;
  };
  const renameRefs = (from: string, to: string): void => {
    for (const e of state.values()) {
      e.owners = e.owners.map((o) => (o === from ? to : o));
      if (e.table === from) e.table = to;
    }
  };

  for (const step of steps) {
    const s = step as PostgresStatementStep;
    if (s.kind !== 'statement' || !s.relations) continue;
    const path = s.origin?.path ?? 'steps';
    /** Takes `name` for `entry`; an issue when it is taken (unless PostgreSQL picks another name itself). */
    const claim = (name: string, entry: Omit<Entry, 'origin' | 'uncertain'>, doing: string, auto = false, how = 'created'): void => {
      const taken = state.get(name);
      if (taken && !taken.uncertain) {
        if (auto) return;
        issues.push({ code: 'relation_exists', path, message: conflictMessage(doing, name, taken, schema) });
      }
      state.set(name, { ...entry, origin: `${how} by ${path} of this migration`, uncertain: taken?.uncertain === true });
    };
    if (s.replacesInvalidIndex) {
      const e = state.get(s.replacesInvalidIndex.name);
      if (e && isIndex(e.kind) && !e.valid) remove(s.replacesInvalidIndex.name); // the step drops an INVALID leftover first
    }
    for (const c of s.relations) {
      switch (c.do) {
        case 'unknown':
          return issues;
        case 'create': {
          const doing = `cannot create ${c.what} "${c.name}" on table "${c.table}"`;
          const key = c.constraint ? (c.what === 'primary key' ? 'p' : 'u') : undefined;
          const entry = { kind: 'i', owners: [c.table], table: c.table, columns: c.columns ? [...c.columns] : undefined, constraint: c.constraint, key, valid: true };
          claim(c.name, entry, doing, c.auto);
          break;
        }
        case 'createTable': {
          const existing = state.get(c.name);
          if (c.ifNotExists && existing && !existing.uncertain) break; // IF NOT EXISTS: nothing is created
          claim(c.name, TABLE, `cannot create table "${c.name}"`);
          for (const k of c.keys) {
            const entry = { kind: 'i', owners: [c.name], table: c.name, columns: [...k.columns], constraint: true, key: k.what === 'primary key' ? 'p' : 'u', valid: true };
            claim(k.name, entry, `cannot create table "${c.name}" with its ${k.what} "${k.name}"`, k.auto);
          }
          break;
        }
        case 'dropIndex':
          remove(c.name);
          break;
        case 'dropConstraint': {
          const e = state.get(c.name);
          if (e?.constraint && e.table === c.table) remove(c.name);
          break;
        }
        case 'dropTable':
          remove(c.name);
          // CASCADE also drops the views built on the table, which the catalog read does not tell.
          if (c.cascade) for (const e of state.values()) if (e.kind === 'v' || e.kind === 'm') e.uncertain = true;
          break;
        case 'dropColumn': {
          const tables = family(c.table);
          for (const [name, e] of [...state]) {
            if (e.table === undefined || !tables.has(e.table)) continue;
            if (e.columns === undefined) e.uncertain = true;
            else if (e.columns.includes(c.column)) remove(name);
          }
          break;
        }
        case 'renameTable': {
          const e = state.get(c.from);
          claim(c.to, e ?? TABLE, `cannot rename table "${c.from}" to "${c.to}"`, false, 'renamed to it');
          state.delete(c.from);
          renameRefs(c.from, c.to);
          break;
        }
        case 'renameColumn': {
          const tables = family(c.table);
          for (const e of state.values()) if (e.table !== undefined && tables.has(e.table) && e.columns) e.columns = e.columns.map((col) => (col === c.from ? c.to : col));
          break;
        }
        case 'renameKey': {
          const e = state.get(c.from);
          const isKey = e?.constraint === true && e.table === c.table;
          if (c.ifExists && !isKey) break; // the step renames it only when the table has it
          const entry = isKey && e ? e : { kind: 'i', owners: [c.table], table: c.table, columns: undefined, constraint: true, key: undefined, valid: true };
          claim(c.to, entry, `cannot rename the key "${c.from}" of table "${c.table}" to "${c.to}"`, false, 'renamed to it');
          if (isKey) state.delete(c.from);
          renameRefs(c.from, c.to);
          break;
        }
        default:
          assertNeverChange(c);
      }
    }
  }
  return issues;
}

function changesOf(step: Step): readonly RelationChange[] {
  return (step as PostgresStatementStep).relations ?? [];
}

function fromLive(r: LiveRelation): Entry {
  const owners = [r.table, r.parent].filter((o): o is string => o !== undefined);
  return { kind: r.kind, owners, table: r.table, columns: [...r.columns], constraint: r.key !== undefined, key: r.key, valid: r.valid, origin: undefined, uncertain: false };
}

const TABLE: Omit<Entry, 'origin' | 'uncertain'> = { kind: 'r', owners: [], table: undefined, columns: undefined, constraint: false, key: undefined, valid: true };
const isIndex = (kind: string): boolean => kind === 'i' || kind === 'I';
const isTable = (kind: string): boolean => kind === 'r' || kind === 'p' || kind === 'f';

const KINDS: Readonly<Record<string, string>> = { r: 'a table', p: 'a partitioned table', v: 'a view', m: 'a materialized view', f: 'a foreign table', c: 'a composite type', S: 'a sequence' };
const KEYS: Readonly<Record<string, string>> = { p: 'primary key', u: 'unique constraint', x: 'exclusion constraint' };

function conflictMessage(doing: string, name: string, taken: Entry, schema: string): string {
  let what: string;
  if (isIndex(taken.kind)) {
    what = `an index of table "${taken.table ?? '?'}"`;
    if (taken.key !== undefined) what += `, behind its ${KEYS[taken.key] ?? 'constraint'}`;
  } else {
    what = KINDS[taken.kind] ?? `a relation of kind ${taken.kind}`;
    if (taken.kind === 'S' && taken.table !== undefined) what += ` owned by table "${taken.table}"${taken.columns?.[0] ? ` (column "${taken.columns[0]}")` : ''}`;
  }
  if (taken.origin !== undefined) what += `, ${taken.origin}`;
  return (
    `${doing}: relation "${name}" already exists in schema "${schema}" (${what}); ` +
    `PostgreSQL names tables, indexes, key constraints and sequences in one namespace per schema, not per table. ` +
    `Pick another name, or drop "${name}" first (in an earlier op of this migration)`
  );
}

function assertNeverChange(c: never): never {
  throw new InvalidArgumentError('the relation change', 'a known relation change', JSON.stringify(c));
}
