import type { Adapter } from '../adapter/adapter.js';
import { ValidationError, type ValidationIssue } from '../errors/errors.js';
import { canonicalJson } from '../helpers/canonical-json.js';
import { expressionNames } from '../helpers/check-expression.js';
import type { Migration } from '../model/migration.js';
import type { CollectionSnapshot, Operation } from '../model/operation.js';
import { withoutUndefined } from '../helpers/without-undefined.js';
import { inverseOf } from '../ops/inverse.js';
import type { LiveSchema } from '../ops/operation-module.js';
import { operationModule } from '../ops/registry.js';
import { positionOf } from '../ops/field-position.js';
import { referencingDrops, referencingFieldDrops } from './referencing-keys.js';
import { SchemaState, touchedBefore, touchedCollections } from './schema-state.js';

/**
 * Why `op` cannot be compiled as it stands: it replaces a definition it does not carry
 * (`previous`), which only the live schema can tell (each op's own `missingPrevious`,
 * `src/ops/<op>.ts`). Undefined when it can.
 * @example missingPrevious({ type: 'modifyField', collection: 't', field: 'a', changes: { length: 9 } }) // 'modifyField t.a …'
 */
export function missingPrevious(op: Operation): string | undefined {
  return operationModule(op)?.missingPrevious(op);
}

/**
 * True when applying `m` needs the live schema first: an op without its `previous`, a drop
 * (what hangs on the dropped field or collection must be dropped explicitly), or a
 * create with `sqlOptions.ifNotExists` (whose down depends on whether the table was there).
 * @example needsResolution(migration('widen').modifyField('t', 'a', { length: 255 }).build()) // true
 */
export function needsResolution(m: Migration): boolean {
  return m.up.some(
    (op) =>
      op.type === 'dropField' || op.type === 'dropCollection' || missingPrevious(op) !== undefined || (op.type === 'createCollection' && op.options?.sqlOptions?.ifNotExists === true && !op.existed),
  );
}

/**
 * `m` with what only the live schema can tell filled in, read by introspection before any
 * change: each op's `previous` (the definition it modifies, renames or drops), `existed` on a
 * create with ifNotExists that finds the table, and, before a dropField, an explicit drop of each
 * index and constraint on that field (the database would drop or shrink them silently, and the
 * down could not bring them back). A down derived from the ops (the builder's) is
 * derived again from the resolved ops, so it undoes exactly what up will do. An op whose target
 * does not exist, or that cannot be read (after a raw op in the same run), is refused with a
 * ValidationError before any change. `state` carries the schema from one migration to the next
 * when several run in one transaction.
 * @example const resolved = await resolveMigration(adapter, m); // resolved.down is complete
 */
export async function resolveMigration(adapter: Adapter, m: Migration, state: SchemaState = new SchemaState(adapter)): Promise<Migration> {
  const issues: ValidationIssue[] = [];
  const up: Operation[] = [];
  await state.prefetch(touchedBefore(m.up)); // one read where the adapter has readLive
  for (const [i, op] of m.up.entries()) {
    const path = `up[${i}]`;
    const needs = missingPrevious(op) !== undefined || (op.type === 'createCollection' && op.options?.sqlOptions?.ifNotExists === true && !op.existed);
    if (state.blind) {
      if (needs)
        issues.push({
          code: 'unresolvable_after_raw',
          path,
          message: `${missingPrevious(op) ?? `createCollection ${(op as { name: string }).name} with ifNotExists`}, and it comes after a raw operation whose effect cannot be read before it runs: pass previous, or move the raw operation into its own migration`,
        });
      up.push(op);
      state.apply(op);
      continue;
    }
    const snapshots = new Map<string, CollectionSnapshot | null>();
    for (const name of touchedCollections(op)) snapshots.set(name, await state.load(name));
    const dependents =
      op.type === 'dropField'
        ? [...(await referencingFieldDrops(adapter, state, op, path, issues)), ...dependentsOf(snapshots.get(op.collection), op.field)]
        : op.type === 'dropCollection'
          ? await referencingDrops(adapter, state, op, path, issues)
          : [];
    for (const dependent of dependents) {
      up.push(dependent);
      state.apply(dependent);
    }
    if (op.type === 'addField' && snapshots.get(op.collection)?.fields.some((f) => f.name === op.field.name)) {
      // Schemaless stores (MongoDB validators, DynamoDB/Cassandra declarations) would replace it
      // silently, and the down would then drop a field this migration did not create.
      issues.push({ code: 'already_exists', path, message: `addField: "${op.collection}" already has a field "${op.field.name}"; use modifyField to change it` });
    }
    if (op.type === 'createCollection' && op.options?.sqlOptions?.ifNotExists !== true && snapshots.get(op.name)) {
      // Its CREATE would fail on the table that is there, and the next `up`, finding a table of
      // that name, would take the failed step as applied: the down would then drop a table this
      // migration did not create (MySQL, MariaDB, DynamoDB and the in-memory adapter did).
      issues.push({
        code: 'already_exists',
        path,
        message: `createCollection: collection "${op.name}" already exists; drop or rename it first, or create it with sqlOptions.ifNotExists (then the down leaves it)`,
      });
    }
    const resolved = withPosition(needs ? resolveOp(op, snapshots, path, issues) : op, snapshots);
    up.push(resolved);
    state.apply(resolved);
  }
  if (issues.length > 0) throw new ValidationError(`migration "${m.name}" against the live schema`, issues);
  return withDown(m, up);
}

function resolveOp(op: Operation, snapshots: Map<string, CollectionSnapshot | null>, path: string, issues: ValidationIssue[]): Operation {
  const live: LiveSchema = {
    collection: (name) => snapshots.get(name),
    refused: (same, message, code = 'not_found') => {
      issues.push({ code, path, message });
      return same;
    },
  };
  return operationModule(op)?.resolve(op, live) ?? op;
}

/**
 * Drops of the indexes and key constraints that use `field` (with their definitions, so down
 * recreates them): its foreign keys first (from it, and the table's own that reference it), as
 * MySQL/MariaDB refuse to drop an index a foreign key needs (errno 1553); the down, in reverse,
 * then adds the indexes back before the keys that need them.
 */
function dependentsOf(c: CollectionSnapshot | null | undefined, field: string): Operation[] {
  if (!c) return [];
  const keys: Operation[] = [];
  const others: Operation[] = [];
  for (const k of c.constraints ?? []) {
    const uses =
      k.type === 'check' ? expressionNames(k.expression, field) : k.columns.includes(field) || (k.type === 'foreignKey' && k.references.table === c.name && k.references.columns.includes(field));
    if (uses) (k.type === 'foreignKey' ? keys : others).push({ type: 'dropConstraint', collection: c.name, name: k.name, previous: k });
  }
  const indexes: Operation[] = [];
  for (const index of c.indexes ?? []) {
    if (index.fields.some((f) => f.name === field)) indexes.push({ type: 'dropIndex', collection: c.name, name: index.name, previous: index });
  }
  return [...keys, ...indexes, ...others];
}

/** A dropField with where its field stood in the live table (when not the last), so its down puts it back there. */
function withPosition(op: Operation, snapshots: Map<string, CollectionSnapshot | null>): Operation {
  if (op.type !== 'dropField' || op.position) return op;
  const position = positionOf(snapshots.get(op.collection)?.fields ?? [], op.field);
  return position ? { ...op, position } : op;
}

/** `m` with resolved up ops; its down is derived again when it was derived from the ops. */
function withDown(m: Migration, up: readonly Operation[]): Migration {
  const before = derivedDown(m.up);
  const derived = canonicalJson(before.down) === canonicalJson(m.down) && before.irreversible === m.irreversible;
  if (!derived) return { ...m, up }; // a hand-written down is the author's: kept as written
  const after = derivedDown(up);
  return withoutUndefined({ ...m, up, down: after.down, irreversible: after.irreversible });
}

function derivedDown(ops: readonly Operation[]): { down: Operation[]; irreversible: string | undefined } {
  const down: Operation[] = [];
  for (const op of ops) {
    const inv = inverseOf(op);
    if (!inv.ok) return { down: [], irreversible: inv.reason };
    if (inv.op) down.unshift(inv.op);
  }
  return { down, irreversible: undefined };
}
