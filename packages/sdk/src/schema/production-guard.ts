import type { FieldChanges, FieldDefinition, Operation } from '@ductape/core';
import { ConfirmationRequiredError } from '../errors.js';
import { NARROWABLE_KEYS, fieldNarrowings } from './field-narrowing.js';

/** Environments where destructive operations need confirmation (compared case-insensitively). */
export const PROTECTED_ENVIRONMENTS: readonly string[] = ['prd', 'prod', 'production'];

/** An operation the production guard asks to confirm, and why. */
export interface DestructiveOperation {
  /** Position of the operation in the list given to the guard. */
  readonly index: number;
  /** The operation's `type` (e.g. `dropField`). */
  readonly type: string;
  /** Short form, e.g. `dropField users.age`. */
  readonly operation: string;
  /** What it destroys or breaks, e.g. `drops field "users.age" and its values`. */
  readonly reason: string;
}

/**
 * Whether `env` is a protected (production) environment: prd, prod or production.
 * @example isProtectedEnvironment('prd') // true
 */
export function isProtectedEnvironment(env: string): boolean {
  return typeof env === 'string' && PROTECTED_ENVIRONMENTS.includes(env.toLowerCase());
}

/**
 * The production guard, shared by the sdk's `db.schema.*` and the CLI's `up`, `down`, `promote`
 * and `repair`: which of `operations` need confirmation on `env`. None off a protected
 * environment; on prd/prod/production every destructive one (see `destructiveOperations`).
 * @example productionGuard('prd', m.down).map((d) => d.operation) // ['dropField users.phone']
 */
export function productionGuard(env: string, operations: readonly Operation[]): DestructiveOperation[] {
  return isProtectedEnvironment(env) ? destructiveOperations(operations) : [];
}

/**
 * The operations of `operations` that lose data, or break running code, or cannot be inspected:
 * `dropCollection`, `dropField` (rows/values are lost; a down restores the definition only),
 * `renameCollection`, `renameField` (code using the old name breaks at once), `modifyField`
 * that narrows (a type change other than a widening, a shorter length/precision/scale, enum
 * values removed — or changes one of those without its `previous` definition, so narrowing
 * cannot be ruled out), `dropIndex` (a unique index stops enforcing; queries slow down),
 * `dropConstraint` (the database stops enforcing it) and `raw` (text the guard cannot inspect).
 * Matched on the `type` string, so an operation type this version does not know is not counted.
 * @example destructiveOperations([{ type: 'dropField', collection: 'users', field: 'age' }])[0]?.reason // 'drops field "users.age" and its values'
 */
export function destructiveOperations(operations: readonly Operation[]): DestructiveOperation[] {
  const found: DestructiveOperation[] = [];
  operations.forEach((op, index) => {
    const reasons = reasonsOf(op as unknown as Loose);
    for (const [operation, reason] of reasons) found.push({ index, type: String(op.type), operation, reason });
  });
  return found;
}

/**
 * Whether a destructive change is confirmed: the call's `{ confirm: true }` or, for the whole
 * process, `DUCTAPE_CONFIRM_DESTRUCTIVE=1`.
 * @example destructiveConfirmed({}, { DUCTAPE_CONFIRM_DESTRUCTIVE: '1' }) // true
 */
export function destructiveConfirmed(options: { confirm?: boolean } | undefined, vars: NodeJS.ProcessEnv): boolean {
  return options?.confirm === true || vars.DUCTAPE_CONFIRM_DESTRUCTIVE === '1';
}

/**
 * Refuses (ConfirmationRequiredError, before any IO) the destructive `operations` on a protected
 * environment unless confirmed by `{ confirm: true }` or DUCTAPE_CONFIRM_DESTRUCTIVE=1.
 * @example assertOperationsConfirmed('prd', m.up, { confirm: true }, process.env)
 */
export function assertOperationsConfirmed(env: string, operations: readonly Operation[], options: { confirm?: boolean } | undefined, vars: NodeJS.ProcessEnv): void {
  const found = productionGuard(env, operations);
  if (found.length === 0 || destructiveConfirmed(options, vars)) return;
  throw new ConfirmationRequiredError(found.map((d) => `${d.operation} (${d.reason})`).join('; '), env);
}

// The guard reads operations as plain data by their `type` string (a newer core may add types).
type Loose = { readonly type: string; readonly [key: string]: unknown };

function reasonsOf(op: Loose): [string, string][] {
  const at = (c: unknown, f: unknown) => `${String(c)}.${String(f)}`;
  switch (op.type) {
    case 'dropCollection':
      return [[`dropCollection ${String(op.name)}`, `drops table "${String(op.name)}" and all its rows`]];
    case 'dropField':
      return [[`dropField ${at(op.collection, op.field)}`, `drops field "${at(op.collection, op.field)}" and its values`]];
    case 'renameField':
      return [[`renameField ${at(op.collection, op.from)}`, `renames "${at(op.collection, op.from)}" to "${String(op.to)}": running code using "${String(op.from)}" breaks`]];
    case 'renameCollection':
      return [[`renameCollection ${String(op.from)}`, `renames table "${String(op.from)}" to "${String(op.to)}": running code using "${String(op.from)}" breaks`]];
    case 'modifyField':
      return modifyReasons(op).map((r) => [`modifyField ${at(op.collection, op.field)}`, r]);
    case 'dropIndex':
      return [[`dropIndex ${String(op.name)}`, `drops index "${String(op.name)}" on "${String(op.collection)}": queries using it slow down, a unique index stops enforcing uniqueness`]];
    case 'dropConstraint':
      return [[`dropConstraint ${String(op.name)}`, `drops constraint "${String(op.name)}" on "${String(op.collection)}": the database stops enforcing it`]];
    case 'raw':
      return [[`raw ${String(op.dialect)}`, 'runs raw text or a driver command that the guard cannot inspect']];
    default:
      return [];
  }
}

function modifyReasons(op: Loose): string[] {
  const changes = (op.changes ?? {}) as FieldChanges;
  const where = `"${String(op.collection)}.${String(op.field)}"`;
  const touched = NARROWABLE_KEYS.filter((k) => changes[k] !== undefined && changes[k] !== null);
  if (touched.length === 0) return [];
  const previous = op.previous as FieldDefinition | undefined;
  if (!previous) return [`changes ${touched.join(', ')} of ${where} without its previous definition, so narrowing cannot be ruled out`];
  return fieldNarrowings(previous, changes, where);
}
