import type { CompileContext, ConstraintDefinition, ForeignKeyConstraint, Operation } from '@ductape/core';
import { CheckForeignKeyConflictError } from './check-foreign-key-conflict-error.js';

/**
 * A constraint whose column the live table may already hold the other half of the conflict for:
 * a check (against the table's foreign keys) or a foreign key with a changing action (against
 * its checks). The executor reads the table for it before a statement runs.
 */
export type ConflictProbe = (
  | { readonly kind: 'check'; readonly table: string; readonly name: string; readonly expression: string }
  | { readonly kind: 'foreignKey'; readonly table: string; readonly name: string; readonly columns: readonly string[]; readonly action: string }
) & {
  /** Read before the migration's first step runs (nothing has changed yet). */
  readonly early?: true;
};

interface KnownCheck {
  readonly table: string;
  readonly name: string;
  readonly expression: string;
  /** Column renamed after the check was added (lower case) → the name its expression uses. */
  readonly aliases: ReadonlyMap<string, string>;
}
interface KnownKey {
  readonly table: string;
  readonly name: string;
  readonly columns: readonly string[];
  readonly action: string;
}

/**
 * The referential action of a foreign key that changes its own columns (what MySQL and MariaDB
 * refuse beside a CHECK on them): ON UPDATE CASCADE, ON UPDATE SET NULL, ON DELETE SET NULL
 * (ON DELETE CASCADE removes the row and is allowed). Undefined for a key without one.
 * @example changingAction({ name: 'fk', type: 'foreignKey', columns: ['a'], references: { table: 't', columns: ['id'], onUpdate: 'CASCADE' } }) // 'ON UPDATE CASCADE'
 */
export function changingAction(fk: ForeignKeyConstraint | { readonly onUpdate?: string; readonly onDelete?: string }): string | undefined {
  const r = 'references' in fk ? fk.references : fk;
  const onUpdate = String(r.onUpdate ?? '').toUpperCase();
  const onDelete = String(r.onDelete ?? '').toUpperCase();
  if (onUpdate === 'CASCADE' || onUpdate === 'SET NULL') return `ON UPDATE ${onUpdate}`;
  if (onDelete === 'SET NULL') return 'ON DELETE SET NULL';
  return undefined;
}

/**
 * Whether a check expression names `column`: quoted (`` `c` ``, `"c"`) or as a bare word, case
 * insensitive (MySQL column names are), string literals left out.
 * @example expressionNamesColumn('`pid` >= 0', 'PID') // true
 */
export function expressionNamesColumn(expression: string, column: string): boolean {
  const text = expression.replace(/'(?:[^'\\]|\\.|'')*'/g, "''").toLowerCase();
  const c = column.toLowerCase();
  if (text.includes(`\`${c.replace(/`/g, '``')}\``) || text.includes(`"${c.replace(/"/g, '""')}"`)) return true;
  if (!/^[a-z_$][a-z0-9_$]*$/.test(c)) return false;
  return new RegExp(`(^|[^a-z0-9_$"\`.])${c.replace(/\$/g, '\\$')}($|[^a-z0-9_$"\`])`).test(text);
}

/**
 * Refuses before any IO (CheckForeignKeyConflictError) a check and a foreign key with a changing
 * action on the same column when the migration adds both (a createCollection's own constraints,
 * addConstraint ops before this one, followed through renames and drops), and returns what the
 * executor must still look for in the live tables: this op's own probe and, for the migration's
 * first op, the probes of every later op on a table no earlier op touches (read before the first
 * step runs, so a conflict with a constraint already in the database is refused before any change).
 * @example conflictProbes({ type: 'addConstraint', collection: 'c', constraint: { name: 'ck', type: 'check', expression: 'pid > 0' } }, ctx)
 * // [{ kind: 'check', table: 'c', name: 'ck', expression: 'pid > 0' }]
 */
export function conflictProbes(op: Operation, ctx: CompileContext): ConflictProbe[] {
  const ops = ctx.direction === 'up' ? ctx.migration.up : ctx.migration.down;
  const inList = ops[ctx.index] === op;
  const { checks, keys } = inList ? knownBefore(ops, ctx.index) : { checks: [], keys: [] };
  if (op.type === 'createCollection') {
    const own = stateOf(op.name, op.constraints ?? []);
    assertNoConflict(own.checks, own.keys, 'check');
    return inList && ctx.index === 0 ? early(laterProbes(ops)) : [];
  }
  const probes = op.type === 'addConstraint' ? probesOf(op.collection, op.constraint) : [];
  if (op.type === 'addConstraint') {
    const own = stateOf(op.collection, [op.constraint]);
    assertNoConflict([...checks, ...own.checks], own.keys, 'foreignKey');
    assertNoConflict(own.checks, keys, 'check');
  }
  return inList && ctx.index === 0 ? early([...probes, ...laterProbes(ops)]) : probes;
}

function early(probes: readonly ConflictProbe[]): ConflictProbe[] {
  return probes.map((p) => ({ ...p, early: true }));
}

function assertNoConflict(checks: readonly KnownCheck[], keys: readonly KnownKey[], adding: 'check' | 'foreignKey'): void {
  for (const k of keys) {
    for (const c of checks) {
      if (c.table !== k.table) continue;
      const column = k.columns.find((col) => expressionNamesColumn(c.expression, c.aliases.get(col.toLowerCase()) ?? col));
      if (column !== undefined) throw new CheckForeignKeyConflictError({ table: k.table, column, check: c.name, foreignKey: k.name, action: k.action, adding }, 'compile');
    }
  }
}

function stateOf(table: string, constraints: readonly ConstraintDefinition[]): { checks: KnownCheck[]; keys: KnownKey[] } {
  const checks: KnownCheck[] = [];
  const keys: KnownKey[] = [];
  for (const c of constraints) {
    if (c.type === 'check' && typeof c.expression === 'string') checks.push({ table, name: c.name, expression: c.expression, aliases: new Map() });
    if (c.type === 'foreignKey') {
      const action = changingAction(c);
      if (action && Array.isArray(c.columns)) keys.push({ table, name: c.name, columns: c.columns, action });
    }
  }
  return { checks, keys };
}

function probesOf(table: string, c: ConstraintDefinition): ConflictProbe[] {
  if (c.type === 'check' && typeof c.expression === 'string') return [{ kind: 'check', table, name: c.name, expression: c.expression }];
  if (c.type === 'foreignKey') {
    const action = changingAction(c);
    if (action && Array.isArray(c.columns)) return [{ kind: 'foreignKey', table, name: c.name, columns: c.columns, action }];
  }
  return [];
}

/** The checks and changing foreign keys the ops before `index` leave (created or added, not dropped since). */
function knownBefore(ops: readonly Operation[], index: number): { checks: KnownCheck[]; keys: KnownKey[] } {
  let checks: KnownCheck[] = [];
  let keys: KnownKey[] = [];
  for (const op of ops.slice(0, index)) {
    switch (op.type) {
      case 'createCollection':
      case 'addConstraint': {
        const s = op.type === 'createCollection' ? stateOf(op.name, op.constraints ?? []) : stateOf(op.collection, [op.constraint]);
        checks.push(...s.checks);
        keys.push(...s.keys);
        break;
      }
      case 'dropConstraint':
        checks = checks.filter((c) => !(c.table === op.collection && c.name === op.name));
        keys = keys.filter((k) => !(k.table === op.collection && k.name === op.name));
        break;
      case 'dropCollection':
        checks = checks.filter((c) => c.table !== op.name);
        keys = keys.filter((k) => k.table !== op.name);
        break;
      case 'renameCollection':
        checks = checks.map((c) => (c.table === op.from ? { ...c, table: op.to } : c));
        keys = keys.map((k) => (k.table === op.from ? { ...k, table: op.to } : k));
        break;
      case 'renameField': {
        const from = op.from.toLowerCase();
        checks = checks.map((c) => (c.table === op.collection ? { ...c, aliases: new Map([...c.aliases, [op.to.toLowerCase(), c.aliases.get(from) ?? op.from]]) } : c));
        keys = keys.map((k) => (k.table === op.collection ? { ...k, columns: k.columns.map((col) => (col === op.from ? op.to : col)) } : k));
        break;
      }
      case 'dropField':
        keys = keys.filter((k) => !(k.table === op.collection && k.columns.includes(op.field)));
        checks = checks.filter((c) => !(c.table === op.collection && expressionNamesColumn(c.expression, c.aliases.get(op.field.toLowerCase()) ?? op.field)));
        break;
      default:
        break;
    }
  }
  return { checks, keys };
}

/**
 * Probes of the ops after the first whose table is still as the database has it: no earlier op of
 * the migration renamed, created, dropped it, or dropped one of its columns or constraints (ops
 * that add are known at compile time; after a raw statement nothing is probed early).
 */
function laterProbes(ops: readonly Operation[]): ConflictProbe[] {
  const touched = new Set<string>();
  const probes: ConflictProbe[] = [];
  for (const [i, op] of ops.entries()) {
    if (op.type === 'raw') break;
    if (i > 0 && op.type === 'addConstraint' && !touched.has(op.collection)) probes.push(...probesOf(op.collection, op.constraint));
    for (const t of changedTables(op)) touched.add(t);
  }
  return probes;
}

function changedTables(op: Operation): string[] {
  switch (op.type) {
    case 'createCollection':
    case 'dropCollection':
      return [op.name];
    case 'renameCollection':
      return [op.from, op.to];
    case 'renameField':
    case 'dropField':
    case 'dropConstraint':
      return [op.collection];
    default:
      return [];
  }
}
